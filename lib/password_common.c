/*
 * password_common.c - the list of passwords too common to allow.
 *
 * Well-known entries of at least PASSWORD_MIN_LEN characters from breach
 * corpora, keyboard walks, repetitions and season/year patterns; shorter
 * ones are refused by the length rule already. Entries are lowercase and
 * sorted by byte value for bsearch: keep it so when adding any.
 */
#include <stdlib.h>

#include "password.h"

static const char *const common[] = {
	"!qaz@wsx#edc", "000000000000", "010203040506", "012345678901",
	"098765432109", "0987654321098", "102030405060",
	"111111111111", "111222333444", "112233445566", "121212121212",
	"123123123123", "123321123321", "123412341234", "123451234512",
	"123456123456", "123456789000", "1234567890000",
	"123456789012", "1234567890123", "12345678901234",
	"1234567890qwerty", "123456password", "1234password",
	"1234qwerasdf", "1234qwerasdfzxcv", "123654789123",
	"135791357913", "147258369147", "147852369147", "159753159753",
	"1a2b3c4d5e6f", "1q2w3e4r5t6y", "1q2w3e4r5t6y!",
	"1q2w3e4r5t6y7u", "1qaz2wsx3edc", "1qaz2wsx3edc4rfv",
	"222222222222", "246824682468", "333333333333", "444444444444",
	"555555555555", "666666666666", "741852963741", "777777777777",
	"789456123789", "888888888888", "9876543210123",
	"987654321098", "999999999999", "a1b2c3d4e5f6", "aa123456789a",
	"aaa111aaa111", "aaaa1111aaaa", "aaaaaa111111", "aaaaaaaaaa11",
	"aaaaaaaaaaaa", "aaaaaaaaaaaaa", "abc123456789",
	"abc123abc123", "abcabcabcabc", "abcd12345678", "abcd1234abcd",
	"abcdef123456", "abcdefg12345", "abcdefghijkl",
	"abcdefghijklm", "abcdefghijklmnop",
	"abcdefghijklmnopqrstuvwxyz", "admin1234567", "admin123456789",
	"admin@123456", "adminadmin123", "adminadminadmin",
	"administrator", "administrator1", "administrator123",
	"adminpassword", "asdasdasdasd", "asdfasdfasdf",
	"asdfghjkl!!!", "asdfghjkl123", "asdfghjkl1234",
	"asdfghjklqwerty", "autumn2018!!", "autumn2019!!",
	"autumn2020!!", "autumn2021!!", "autumn2022!!", "autumn2023!!",
	"autumn2024!!", "autumn2025!!", "baseball1234", "basketball12",
	"basketball123", "batman123456", "changeme123!",
	"changeme1234", "changemepassword", "charlie12345",
	"computer1234", "default12345", "dragon123456", "football1234",
	"football12345", "freedom12345", "guest1234567",
	"hello1234567", "helloworld12", "helloworld123",
	"helloworld1234", "iloveyou123!", "iloveyou1234",
	"iloveyou12345", "iloveyouiloveyou", "iloveyousomuch",
	"internet1234", "intranet1234", "january2018!", "january2019!",
	"january2020!", "january2021!", "january2022!", "january2023!",
	"january2024!", "january2025!", "jennifer1234", "letmein12345",
	"letmein123456", "letmeinletmein", "login1234567",
	"loginpassword", "master123456", "michael12345",
	"mnbvcxz12345", "monkey123456", "mypassword12",
	"mypassword123", "newpassword1", "newpassword12",
	"newpassword123", "nopassword123", "p@ssw0rd123!",
	"p@ssw0rd1234", "p@ssword1234", "passw0rd123!", "passw0rd1234",
	"password0000", "password1111", "password123!", "password1234",
	"password1234!", "password12345", "password123456",
	"password1password", "password2010", "password2011",
	"password2012", "password2013", "password2014", "password2015",
	"password2016", "password2017", "password2018", "password2019",
	"password2020", "password2021", "password2022", "password2023",
	"password2024", "password2025", "password4321",
	"passwordpassword", "poiuytrewq12", "princess1234",
	"princess12345", "q1w2e3r4t5y6", "qazwsxedc123",
	"qazwsxedcrfv", "qweasdzxc123", "qweqweqweqwe", "qwer1234qwer",
	"qwerasdf1234", "qwerasdfzxcv", "qwerty123456",
	"qwerty1234567", "qwerty12345678", "qwertyqwerty",
	"qwertyqwerty1", "qwertyuiop!!", "qwertyuiop12",
	"qwertyuiop123", "qwertyuiop1234", "qwertyuiop[]",
	"qwertyuiopasdf", "qwertyuiopasdfghjkl",
	"qwertyuiopasdfghjklzxcvbnm", "root12345678", "rootpassword",
	"rootroot1234", "secret123456", "secretpassword",
	"shadow123456", "spring2018!!", "spring2019!!", "spring2020!!",
	"spring2021!!", "spring2022!!", "spring2023!!", "spring2024!!",
	"spring2025!!", "starwars1234", "summer2018!!", "summer2019!!",
	"summer2020!!", "summer2021!!", "summer2022!!", "summer2023!!",
	"summer2024!!", "summer2025!!", "sunshine1234",
	"sunshine12345", "superadmin123", "superman1234",
	"superuser123", "test12345678", "test123456789",
	"testpassword", "testtest1234", "thisismypassword",
	"trustno1trustno1", "user12345678", "useruser1234",
	"welcome1234!", "welcome12345", "welcome123456",
	"welcome2018!", "welcome2019!", "welcome2020!", "welcome2021!",
	"welcome2022!", "welcome2023!", "welcome2024!", "welcome2025!",
	"welcomewelcome", "whatever1234", "winter2018!!",
	"winter2019!!", "winter2020!!", "winter2021!!", "winter2022!!",
	"winter2023!!", "winter2024!!", "winter2025!!", "xxxxxxxxxxxx",
	"yourpassword", "zaq12wsxcde3", "zaq1xsw2cde3", "zxcvbnm12345",
	"zxcvbnm123456", "zxcvbnmasdfghjkl", "zxczxczxczxc",
	"zzzzzzzzzzzz",
};

static int
ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* The key folded to lowercase against an entry that already is. */
static int
common_cmp(const void *key, const void *elem)
{
	const char		*entry = *(const char *const *)elem;
	const unsigned char	*k = key, *e = (const unsigned char *)entry;

	for (; ascii_lower(*k) == *e; k++, e++)
		if (*k == '\0')
			return 0;
	return ascii_lower(*k) - *e;
}

int
password_is_common(const char *pw)
{
	return bsearch(pw, common, sizeof(common) / sizeof(common[0]),
	    sizeof(common[0]), common_cmp) != NULL;
}

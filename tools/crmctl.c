/*
 * crmctl.c - the operator's command-line tool.
 *
 *	crmctl --config FILE seed-demo
 *	crmctl --config FILE demo-logins
 *	crmctl --config FILE gen-bench N DIR
 *	crmctl --config FILE gen-bench-custom DIR
 *	crmctl --config FILE reindex
 *	crmctl --config FILE key-add
 *	crmctl --config FILE key-reseal
 *	crmctl --config FILE key-rotate
 *	crmctl --config FILE report-rebuild
 *	crmctl --config FILE round-trips N
 *
 * seed-demo fills an empty database with one demo user per role, 300
 * customers, opportunities on every sixth of them, a contract on every
 * won one, in each status, some with overdue instalments, and a quote on
 * every one in negotiation or contract stage, some waiting for approval;
 * gen-bench writes the same kind of customers as tab-separated files for
 * LOAD DATA (bench/load.sh). Both draw from one deterministic
 * generator, so the benchmark measures data that looks like the demo.
 * Bench customers also get values in two custom fields it makes if need
 * be, a single choice and a number (bench_tier, bench_score), drawn from
 * the customer id alone; gen-bench-custom writes those values for the
 * customers already stored, for a load made before custom fields.
 * reindex rebuilds every customer's search tokens (customer_token) from its
 * name: it upgrades data stored before 004_customer_token.sql.
 * key-add appends a new version to the field-encryption key file; the
 * running programs seal with it from their next write. key-reseal seals
 * every value under an older key again with the current one, in batches,
 * while the programs run, and seals the plaintext that columns held before
 * they were sealed (scripts/run.sh runs it after the migrations);
 * key-rotate does both.
 * report-rebuild makes the report summaries again from the opportunities
 * and their stage history (lib/report_sum.h): whatever writes
 * opportunities other than the programs (a bulk load) runs it after, and
 * seed-demo does so for its own.
 * round-trips runs the emptiest statement N times through the programs'
 * database layer: make bench times it for what every statement of a page
 * costs before it does any work.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "code.h"
#include "config.h"
#include "custom_field.h"
#include "db.h"
#include "fieldcrypt.h"
#include "money.h"
#include "password.h"
#include "report_sum.h"
#include "sealed.h"
#include "search.h"
#include "sortkey.h"
#include "token.h"

#define NITEMS(a)	(sizeof(a) / sizeof((a)[0]))
#define PICK(r, a)	((a)[rng_below((r), NITEMS(a))])

#define DAY		86400LL
#define DEMO_CUSTOMERS	300
#define BENCH_MAX	9999999		/* codes have 7 digits */
#define CONTACTS_MAX	3
#define FOLLOWUPS_MAX	6
#define ORDERS_MAX	6
#define FIXED_MAX	32		/* a long long with sign and point */
#define TIME_MAX	20		/* "YYYY-MM-DD HH:MM:SS" */
#define CODE_MAX	32
#define REINDEX_BATCH	1000		/* customers per transaction */
#define RESEAL_BATCH	500		/* sealed values per transaction */

/* Mobile numbers: "1", a digit 3-9, then a permutation of the serial. */
#define MOBILE_SPACE	1000000000LL
#define MOBILE_MUL	387420489LL	/* 3^18: coprime to 10^9 */
#define MOBILE_ADD	271828182LL

/* Fixed seeds: the same demo every time, only the dates move. */
#define SEED_DEMO	0x2026c0ffee5eedULL
#define SEED_BENCH	0x9e3779b97f4a7c15ULL
#define SEED_CUSTOM	0x5eed0f0c05705eedULL
#define CUSTOM_BATCH	10000		/* customers read per statement */

/* ------------------------------------------------------------ SQL */

static const char sql_now[] =
    "SELECT TIMESTAMPDIFF(SECOND, '1970-01-01', NOW())";
static const char sql_user_count_locked[] =
    "SELECT COUNT(*) FROM app_user FOR UPDATE";
static const char sql_user_exists[] =
    "SELECT COUNT(*) FROM app_user WHERE login = ?";
static const char sql_team_insert[] =
    "INSERT INTO team (name) VALUES (?)";
static const char sql_team_leader[] =
    "UPDATE team SET leader_id = ? WHERE id = ?";
static const char sql_user_insert[] =
    "INSERT INTO app_user (login, name, email, password_hash,"
    " must_change_pw, team_id, lang, password_changed_at)"
    " VALUES (?, ?, ?, ?, 0, ?, ?, NOW())";
static const char sql_user_role[] =
    "INSERT INTO user_role (user_id, role_id)"
    " SELECT ?, id FROM role WHERE code = ?";
static const char sql_sellers[] =
    "SELECT DISTINCT u.id, COALESCE(u.team_id, 0) FROM app_user u"
    " JOIN user_role ur ON ur.user_id = u.id"
    " JOIN role r ON r.id = ur.role_id"
    " WHERE r.code IN ('sales_rep', 'sales_director') AND u.active = 1"
    " ORDER BY u.id";
static const char sql_customer_insert[] =
    "INSERT INTO customer (code, name, name_sort, industry, grade,"
    " owner_id, team_id, address, purchase_date, satisfaction,"
    " order_count, order_total, last_followup_at, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char sql_contact_insert[] =
    "INSERT INTO contact (customer_id, name, title, mobile, email,"
    " is_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
static const char sql_followup_insert[] =
    "INSERT INTO followup (customer_id, author_id, at, method, content,"
    " next_action, due_date, done) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
static const char sql_order_insert[] =
    "INSERT INTO customer_order (customer_id, order_date, amount, margin,"
    " note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
/* The app hands out codes after the seeded ones; never go backwards. */
static const char sql_serial_set[] =
    "INSERT INTO code_serial (prefix, period, last) VALUES (?, ?, ?)"
    " ON DUPLICATE KEY UPDATE last = GREATEST(last, VALUES(last))";
static const char sql_seeded_customers[] =
    "SELECT id, owner_id, COALESCE(team_id, 0) FROM customer ORDER BY id";
static const char sql_opp_insert[] =
    "INSERT INTO opportunity (code, name, customer_id, owner_id, team_id,"
    " amount, expected_close, lead_source, lead_date, stage,"
    " stage_entered_at, probability, competitors, advantages, risks,"
    " close_reason, created_by, created_at, updated_at)"
    " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, s.probability, ?, ?, ?, ?, ?,"
    " ?, ? FROM opportunity_stage s WHERE s.code = ?";
static const char sql_opp_stage_insert[] =
    "INSERT INTO opportunity_stage_change (opportunity_id, user_id, at,"
    " from_stage, to_stage) VALUES (?, ?, ?, ?, ?)";
static const char sql_customer_max[] =
    "SELECT COALESCE(MAX(id), 0) FROM customer";
static const char sql_contact_max[] =
    "SELECT COALESCE(MAX(id), 0) FROM contact";
/* Every customer has its row of custom values (sql/011). */
static const char sql_custom_row[] =
    "INSERT INTO customer_custom (customer_id) VALUES (?)";
static const char sql_customer_ids[] =
    "SELECT id FROM customer WHERE id > ? ORDER BY id LIMIT ?";
static const char sql_bench_slot[] =
    "SELECT COALESCE(slot, 0) FROM custom_field"
    " WHERE record_type = 'customer' AND code = ? FOR UPDATE";
static const char sql_bench_field[] =
    "INSERT INTO custom_field (record_type, code, type, store, slot,"
    " label_en, label_zh, sort) VALUES ('customer', ?, ?, ?, ?, ?, ?, ?)";
static const char sql_bench_option[] =
    "INSERT IGNORE INTO choice (list, code, label_en, label_zh, sort)"
    " VALUES (?, ?, ?, ?, ?)";
static const char sql_report_count[] =
    "SELECT COUNT(*) FROM report_opportunity";
/* Locked, so the app cannot rename one of them under the reindex. */
static const char sql_reindex_batch[] =
    "SELECT id, name FROM customer WHERE id > ?"
    " ORDER BY id LIMIT ? FOR UPDATE";

/* ------------------------------------------------------------ demo users */

struct demo_team {
	const char	*name;
	const char	*leader;	/* login, or NULL */
};

static const struct demo_team demo_teams[] = {
	{ "华东销售部", "director" },	/* East China sales */
	{ "华南销售部", NULL },		/* South China sales */
};

struct demo_user {
	const char	*login;
	const char	*password;
	const char	*role;		/* role.code */
	const char	*name;
	const char	*lang;
	const char	*team;		/* demo_teams name, or NULL */
};

/* The one list of demo logins: seeded, and printed for the operator. */
static const struct demo_user demo_users[] = {
	{ "admin", "Admin-Demo-2026", "admin", "Alex Morgan", "en", NULL },
	{ "director", "Director-Demo-2026", "sales_director", "王磊", "zh-CN",
	    "华东销售部" },
	{ "rep1", "Rep1-Demo-2026", "sales_rep", "李娜", "zh-CN",
	    "华东销售部" },
	{ "rep2", "Rep2-Demo-2026", "sales_rep", "Daniel Carter", "en",
	    "华东销售部" },
	{ "rep3", "Rep3-Demo-2026", "sales_rep", "张伟", "zh-CN",
	    "华南销售部" },
	{ "agent", "Agent-Demo-2026", "service_agent", "刘芳", "zh-CN",
	    NULL },
	{ "supervisor", "Supervisor-Demo-2026", "service_supervisor", "陈静",
	    "zh-CN", NULL },
	{ "marketing", "Marketing-Demo-2026", "marketing", "杨洋", "zh-CN",
	    NULL },
	{ "pm", "Pm-Demo-2026", "product_manager", "赵敏", "zh-CN", NULL },
	{ "management", "Management-Demo-2026", "management", "周建华",
	    "zh-CN", NULL },
};

/* ------------------------------------------------------------ word lists */

/* A Chinese word with its English form (or pinyin, for names). */
struct pair {
	const char	*zh;
	const char	*en;
};

struct city {
	struct pair	 name;
	struct pair	 district[2];
};

/* A choice code (003_reference.sql) and how it reads in each language. */
struct coded {
	const char	*code;
	struct pair	 word;
};

struct weighted {
	const char	*code;
	int		 weight;
};

static const struct city cities[] = {
	{ { "北京", "Beijing" }, { { "朝阳区", "Chaoyang District" },
	    { "海淀区", "Haidian District" } } },
	{ { "上海", "Shanghai" }, { { "浦东新区", "Pudong New Area" },
	    { "徐汇区", "Xuhui District" } } },
	{ { "深圳", "Shenzhen" }, { { "南山区", "Nanshan District" },
	    { "福田区", "Futian District" } } },
	{ { "杭州", "Hangzhou" }, { { "西湖区", "Xihu District" },
	    { "滨江区", "Binjiang District" } } },
	{ { "成都", "Chengdu" }, { { "武侯区", "Wuhou District" },
	    { "锦江区", "Jinjiang District" } } },
	{ { "武汉", "Wuhan" }, { { "洪山区", "Hongshan District" },
	    { "江汉区", "Jianghan District" } } },
	{ { "南京", "Nanjing" }, { { "鼓楼区", "Gulou District" },
	    { "江宁区", "Jiangning District" } } },
	{ { "苏州", "Suzhou" }, { { "姑苏区", "Gusu District" },
	    { "吴中区", "Wuzhong District" } } },
	{ { "重庆", "Chongqing" }, { { "渝中区", "Yuzhong District" },
	    { "江北区", "Jiangbei District" } } },
	{ { "广州", "Guangzhou" }, { { "天河区", "Tianhe District" },
	    { "海珠区", "Haizhu District" } } },
	{ { "西安", "Xi'an" }, { { "雁塔区", "Yanta District" },
	    { "未央区", "Weiyang District" } } },
	{ { "天津", "Tianjin" }, { { "和平区", "Heping District" },
	    { "滨海新区", "Binhai New Area" } } },
};

static const struct pair roads[] = {
	{ "人民路", "Renmin Road" }, { "中山路", "Zhongshan Road" },
	{ "解放路", "Jiefang Road" }, { "建设路", "Jianshe Road" },
	{ "科技路", "Keji Road" }, { "长江路", "Changjiang Road" },
	{ "和平大道", "Heping Avenue" }, { "文化路", "Wenhua Road" },
	{ "新华路", "Xinhua Road" }, { "创业大道", "Chuangye Avenue" },
};

/* Trade names of Chinese companies, with pinyin for their mail domain. */
static const struct pair brands_zh[] = {
	{ "华信", "huaxin" }, { "恒达", "hengda" }, { "瑞丰", "ruifeng" },
	{ "天成", "tiancheng" }, { "金鼎", "jinding" },
	{ "联创", "lianchuang" }, { "鑫源", "xinyuan" }, { "博远", "boyuan" },
	{ "宏图", "hongtu" }, { "海纳", "haina" }, { "永盛", "yongsheng" },
	{ "汇通", "huitong" }, { "启明", "qiming" }, { "卓越", "zhuoyue" },
	{ "安捷", "anjie" }, { "德润", "derun" }, { "凯达", "kaida" },
	{ "弘毅", "hongyi" }, { "华创", "huachuang" }, { "东升", "dongsheng" },
};

static const char *const brands_en[] = {
	"Northwind", "Blue Harbor", "Silver Oak", "Summit Peak",
	"Pacific Crest", "Red Maple", "Evergreen", "Ironbridge",
	"Crescent Bay", "Golden Field", "Brightwater", "Stonegate",
	"Clearview", "Westbrook", "Highland", "Lakeshore",
};

/* Trade words of company names, by the industry they imply. */
static const struct coded trades[] = {
	{ "it_services", { "科技", "Technologies" } },
	{ "it_services", { "软件", "Software" } },
	{ "retail", { "贸易", "Traders" } },
	{ "retail", { "商贸", "Trading" } },
	{ "manufacturing", { "制造", "Manufacturing" } },
	{ "manufacturing", { "机械", "Machinery" } },
	{ "healthcare", { "医疗", "Health" } },
	{ "healthcare", { "医药", "Pharma" } },
	{ "finance", { "投资", "Capital" } },
	{ "education", { "教育", "Learning" } },
	{ "logistics", { "物流", "Logistics" } },
	{ "logistics", { "供应链", "Freight" } },
	{ "energy", { "能源", "Energy" } },
	{ "energy", { "新能源", "Power" } },
};

static const char *const suffixes_zh[] = {
	"有限公司", "股份有限公司", "集团", "有限责任公司",
};

static const char *const suffixes_en[] = {
	"Ltd", "Co.", "Inc.", "Group", "Limited", "Holdings",
};

static const struct pair surnames[] = {
	{ "王", "wang" }, { "李", "li" }, { "张", "zhang" }, { "刘", "liu" },
	{ "陈", "chen" }, { "杨", "yang" }, { "黄", "huang" }, { "赵", "zhao" },
	{ "吴", "wu" }, { "周", "zhou" }, { "徐", "xu" }, { "孙", "sun" },
	{ "马", "ma" }, { "朱", "zhu" }, { "胡", "hu" }, { "郭", "guo" },
	{ "何", "he" }, { "林", "lin" }, { "高", "gao" }, { "罗", "luo" },
};

static const struct pair given_names[] = {
	{ "伟", "wei" }, { "芳", "fang" }, { "娜", "na" }, { "敏", "min" },
	{ "静", "jing" }, { "磊", "lei" }, { "强", "qiang" }, { "洋", "yang" },
	{ "艳", "yan" }, { "勇", "yong" }, { "军", "jun" }, { "杰", "jie" },
	{ "婷", "ting" }, { "涛", "tao" }, { "明", "ming" }, { "超", "chao" },
	{ "秀英", "xiuying" }, { "建华", "jianhua" }, { "晓东", "xiaodong" },
	{ "丽华", "lihua" }, { "志强", "zhiqiang" }, { "海燕", "haiyan" },
	{ "文博", "wenbo" }, { "雪梅", "xuemei" },
};

static const char *const first_names[] = {
	"James", "Emily", "Michael", "Sarah", "David", "Laura", "Daniel",
	"Olivia", "Robert", "Emma", "Thomas", "Grace", "Kevin", "Rachel",
	"Peter", "Anna",
};

static const char *const last_names[] = {
	"Smith", "Johnson", "Brown", "Taylor", "Wilson", "Clarke", "Walker",
	"Wright", "Hughes", "Green", "Baker", "Hall", "Turner", "Cooper",
	"Morgan", "Bennett",
};

static const struct pair titles[] = {
	{ "总经理", "General Manager" }, { "采购经理", "Purchasing Manager" },
	{ "技术总监", "IT Director" }, { "财务经理", "Finance Manager" },
	{ "运营主管", "Operations Lead" }, { "行政主管", "Office Manager" },
};

/* What a follow-up says, by its method and its next action. */
static const struct coded methods[] = {
	{ "phone", { "电话沟通了今年的采购计划，",
	    "Called about this year's purchasing plans. " } },
	{ "visit", { "上门拜访了采购负责人，",
	    "Visited the purchasing lead on site. " } },
	{ "email", { "邮件答复了客户提出的问题，",
	    "Answered their questions by email. " } },
	{ "meeting", { "与客户管理层开会讨论合作方向，",
	    "Met their management to discuss working together. " } },
};

static const struct pair remarks[] = {
	{ "对方比较关注售后服务，", "They care most about support. " },
	{ "预算还在内部审批中，", "Their budget is still being approved. " },
	{ "竞争对手也在接触该客户，", "A competitor is talking to them too. " },
	{ "对现有系统的数据迁移有顾虑，",
	    "They worry about migrating their data. " },
	{ "", "" },
};

static const struct coded next_actions[] = {
	{ "send_materials", { "约定本周内发送产品资料。",
	    "We will send product materials this week." } },
	{ "demo", { "技术团队希望看系统演示，待定时间。",
	    "Their IT team wants a demo; date to be agreed." } },
	{ "quote", { "需求范围已确认，需尽快提供正式报价。",
	    "Scope is agreed; they need a formal quote soon." } },
	{ "contract", { "价格基本谈妥，下一步推进合同签订。",
	    "Pricing is mostly settled; next is the contract." } },
};

static const struct pair products[] = {
	{ "CRM套件 年度订阅", "CRM suite, annual subscription" },
	{ "ERP系统 实施", "ERP system rollout" },
	{ "云托管服务", "Cloud hosting" }, { "咨询服务", "Consulting" },
	{ "用户培训", "User training" },
	{ "技术支持合同 续约", "Support contract renewal" },
};

static const struct weighted grades[] = {
	{ "strategic", 5 }, { "key", 20 }, { "normal", 50 },
	{ "potential", 25 },
};

/* What a key decision maker's profile notes about them. */
static const struct pair preferences[] = {
	{ "喜欢喝茶，不喝酒；周末不接工作电话。",
	    "Prefers tea to wine; takes no work calls at weekends." },
	{ "重视数据安全，决策前要看第三方测评报告。",
	    "Cares about data security; wants third-party reviews first." },
	{ "习惯用微信沟通，上午会议多，下午联系为宜。",
	    "Prefers WeChat; mornings are full of meetings, call after lunch." },
	{ "孩子在读高中，聊教育话题比较投机。",
	    "Has a child in high school; enjoys talking about education." },
};

static const char *const budgets[] = {
	"lt100k", "100k_300k", "300k_500k", "gt500k",
};

static const struct weighted satisfactions[] = {
	{ "5", 25 }, { "4", 40 }, { "3", 20 }, { "2", 10 }, { "1", 5 },
};

/* ------------------------------------------------------------ random */

/* xorshift64*: fast and repeatable; demo data, not security. */
struct rng {
	uint64_t	 s;
};

static uint64_t
rng_next(struct rng *r)
{
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return r->s * 0x2545f4914f6cdd1dULL;
}

/* In [0, n) for 0 < n < 2^32; the modulo bias is immaterial here. */
static long long
rng_below(struct rng *r, long long n)
{
	return (long long)((rng_next(r) >> 32) % (uint64_t)n);
}

/* In [lo, hi]. */
static long long
rng_range(struct rng *r, long long lo, long long hi)
{
	return lo + rng_below(r, hi - lo + 1);
}

static int
rng_percent(struct rng *r, int p)
{
	return rng_below(r, 100) < p;
}

static const char *
rng_weighted(struct rng *r, const struct weighted *w, size_t n)
{
	long long	 total = 0, x;
	size_t		 i;

	for (i = 0; i < n; i++)
		total += w[i].weight;
	x = rng_below(r, total);
	for (i = 0; x >= w[i].weight; i++)
		x -= w[i].weight;
	return w[i].code;
}

/* ------------------------------------------------------------ formats */

/* Write v as exactly n decimal digits. */
static void
put_digits(char *p, long long v, int n)
{
	while (n-- > 0) {
		p[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

/*
 * Seconds since 1970 as "YYYY-MM-DD HH:MM:SS" (or its first 10 bytes for a
 * date), by Howard Hinnant's days_to_civil: the generator formats millions
 * of these and needs no time zone, as it works in company time throughout.
 */
static char *
fmt_time(char out[TIME_MAX], long long t, int date_only)
{
	long long	 z, era, doe, yoe, doy, mp, d, m, y, s;

	z = t / DAY + 719468;
	era = z / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y = yoe + era * 400 + (m <= 2);
	s = t % DAY;
	put_digits(out, y, 4);
	out[4] = '-';
	put_digits(out + 5, m, 2);
	out[7] = '-';
	put_digits(out + 8, d, 2);
	if (date_only) {
		out[10] = '\0';
		return out;
	}
	out[10] = ' ';
	put_digits(out + 11, s / 3600, 2);
	out[13] = ':';
	put_digits(out + 14, s / 60 % 60, 2);
	out[16] = ':';
	put_digits(out + 17, s % 60, 2);
	out[19] = '\0';
	return out;
}

/* A non-negative v / 10^dec as DECIMAL text: "1234.50" for (123450, 2). */
static char *
fmt_fixed(char out[FIXED_MAX], long long v, int dec)
{
	char	 rev[FIXED_MAX];
	int	 n = 0, i;

	do {
		if (n == dec && dec > 0)
			rev[n++] = '.';
		rev[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0 || n <= dec);
	for (i = 0; i < n; i++)
		out[i] = rev[n - 1 - i];
	out[n] = '\0';
	return out;
}

/* Lowercase letters and digits of s: a brand as a mail domain label. */
static char *
slug(struct arena *a, const char *s)
{
	char	*out = arena_strdup(a, s), *p = out;

	for (; *s != '\0'; s++)
		if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9'))
			*p++ = *s;
		else if (*s >= 'A' && *s <= 'Z')
			*p++ = (char)(*s - 'A' + 'a');
	*p = '\0';
	return out;
}

/* ------------------------------------------------------------ tokens */

/* ------------------------------------------------------------ generator */

struct owner {
	long long	 id;
	long long	 team_id;	/* 0: no team */
};

/* How many records hang off a customer (inclusive ranges). */
struct profile {
	int	 contacts_min, contacts_max;
	int	 followups_max;
	int	 orders_max;
};

/* Demo: 1-3 contacts, 0-5 follow-ups, 0-6 orders each. */
static const struct profile demo_profile = { 1, 3, 5, 6 };
/* Bench: on average 1.5 contacts, 3 follow-ups, 2 orders each. */
static const struct profile bench_profile = { 1, 2, 6, 4 };

struct gen {
	struct rng		 rng;
	long long		 now;		/* company time, s since 1970 */
	const struct owner	*owners;
	size_t			 nowners;
	const struct profile	*profile;
	long long		 mobiles;	/* serial of the next mobile */
};

struct contact {
	const char	*name;
	const char	*title;
	const char	*email;		/* or NULL */
	const char	*preferences;	/* or NULL */
	char		 mobile[12];
	int		 is_key;
	long long	 created;
};

struct followup {
	long long	 at;
	const char	*method;
	const char	*content;
	const char	*next_action;
	long long	 due;
	int		 done;
};

struct order {
	long long	 at;		/* order date and creation time */
	long long	 amount;	/* cents */
	long long	 margin;	/* hundredths of a percent */
	const char	*note;		/* or NULL */
};

/* Times are company-time seconds since 1970; 0 means NULL. */
struct customer {
	const char		*name;
	const char		*sortkey;
	size_t			 sortlen;
	const char		*industry;
	const char		*grade;
	const struct owner	*owner;
	const char		*address;
	const char		*budget;	/* or NULL */
	long long		 purchase;	/* a date */
	const char		*satisfaction;	/* or NULL */
	long long		 order_total;	/* cents */
	long long		 last_followup;
	long long		 created;
	long long		 updated;
	int			 latin;		/* an English name */
	size_t			 ncontacts, nfollowups, norders;
	struct contact		 contacts[CONTACTS_MAX];
	struct followup		 followups[FOLLOWUPS_MAX];
	struct order		 orders[ORDERS_MAX];
};

static void
gen_init(struct gen *g, uint64_t seed, long long now,
    const struct owner *owners, size_t nowners, const struct profile *p)
{
	memset(g, 0, sizeof(*g));
	g->rng.s = seed;
	g->now = now;
	g->owners = owners;
	g->nowners = nowners;
	g->profile = p;
}

/* Name, address and mail domain in the customer's language. */
static const char *
gen_name(struct gen *g, struct arena *a, struct customer *c)
{
	const struct city	*city = &PICK(&g->rng, cities);
	const struct coded	*trade = &PICK(&g->rng, trades);
	const struct pair	*district = &PICK(&g->rng, city->district);
	const struct pair	*road = &PICK(&g->rng, roads);
	const struct pair	*brand;
	const char		*en;
	long long		 no = rng_range(&g->rng, 1, 999);

	c->industry = trade->code;
	c->latin = rng_percent(&g->rng, 30);
	if (c->latin) {
		en = PICK(&g->rng, brands_en);
		c->name = arena_printf(a, "%s %s %s", en, trade->word.en,
		    PICK(&g->rng, suffixes_en));
		c->address = arena_printf(a, "%lld %s, %s, %s", no, road->en,
		    district->en, city->name.en);
		return arena_printf(a, "%s.com", slug(a, en));
	}
	brand = &PICK(&g->rng, brands_zh);
	/* Both forms are common: 上海华信科技…, 华信科技（上海）… */
	if (rng_percent(&g->rng, 70))
		c->name = arena_printf(a, "%s%s%s%s", city->name.zh,
		    brand->zh, trade->word.zh, PICK(&g->rng, suffixes_zh));
	else
		c->name = arena_printf(a, "%s%s（%s）%s", brand->zh,
		    trade->word.zh, city->name.zh, PICK(&g->rng, suffixes_zh));
	c->address = arena_printf(a, "%s市%s%s%lld号", city->name.zh,
	    district->zh, road->zh, no);
	return arena_printf(a, "%s.com.cn", brand->en);
}

/*
 * n times from start to the generator's now, in ascending order: records
 * are stored oldest first, as if entered as they happened.
 */
static void
gen_times(struct gen *g, long long start, long long *t, size_t n)
{
	long long	 x;
	size_t		 i, j;

	for (i = 0; i < n; i++) {
		x = start + rng_below(&g->rng, g->now - start + 1);
		for (j = i; j > 0 && t[j - 1] > x; j--)
			t[j] = t[j - 1];
		t[j] = x;
	}
}

/* A unique mobile number for every serial below MOBILE_SPACE. */
static void
gen_mobile(struct gen *g, char out[12])
{
	long long	 tail;

	tail = (g->mobiles++ % MOBILE_SPACE * MOBILE_MUL + MOBILE_ADD) %
	    MOBILE_SPACE;
	out[0] = '1';
	out[1] = (char)('0' + rng_range(&g->rng, 3, 9));
	put_digits(out + 2, tail, 9);
	out[11] = '\0';
}

static void
gen_contact(struct gen *g, struct arena *a, const struct customer *c,
    const char *domain, struct contact *p)
{
	const struct pair	*sur, *given, *pref;
	const char		*first, *last, *mail;

	if (c->latin) {
		first = PICK(&g->rng, first_names);
		last = PICK(&g->rng, last_names);
		p->name = arena_printf(a, "%s %s", first, last);
		p->title = PICK(&g->rng, titles).en;
		mail = arena_printf(a, "%s.%s", slug(a, first), slug(a, last));
	} else {
		sur = &PICK(&g->rng, surnames);
		given = &PICK(&g->rng, given_names);
		p->name = arena_printf(a, "%s%s", sur->zh, given->zh);
		p->title = PICK(&g->rng, titles).zh;
		mail = arena_printf(a, "%s.%s", given->en, sur->en);
	}
	p->email = rng_percent(&g->rng, 60) ?
	    arena_printf(a, "%s@%s", mail, domain) : NULL;
	gen_mobile(g, p->mobile);
	if (p->is_key && rng_percent(&g->rng, 50)) {
		pref = &PICK(&g->rng, preferences);
		p->preferences = c->latin ? pref->en : pref->zh;
	}
	/* The key contact came with the customer, the others later. */
	if (p->is_key)
		p->created = c->created;
	else
		gen_times(g, c->created, &p->created, 1);
}

/* Follow-ups within the last 90 days; only the newest is still open. */
static void
gen_followups(struct gen *g, struct arena *a, struct customer *c)
{
	struct followup		*f;
	const struct coded	*m, *next;
	const struct pair	*remark;
	long long		 at[FOLLOWUPS_MAX], today = g->now / DAY;
	size_t			 i, n;

	n = c->nfollowups = (size_t)rng_range(&g->rng, 0,
	    g->profile->followups_max);
	gen_times(g, c->created > g->now - 90 * DAY ? c->created :
	    g->now - 90 * DAY, at, n);
	for (i = 0; i < n; i++) {
		f = &c->followups[i];
		m = &PICK(&g->rng, methods);
		next = &PICK(&g->rng, next_actions);
		remark = &PICK(&g->rng, remarks);
		f->at = at[i];
		f->method = m->code;
		f->next_action = next->code;
		f->content = c->latin ?
		    arena_printf(a, "%s%s%s", m->word.en, remark->en,
		    next->word.en) :
		    arena_printf(a, "%s%s%s", m->word.zh, remark->zh,
		    next->word.zh);
		/* Due 10 days ago to 14 ahead, but never before it was set. */
		f->due = today + rng_range(&g->rng, -10, 14);
		if (f->due < f->at / DAY)
			f->due = f->at / DAY;
		f->due *= DAY;
		f->done = i + 1 < n;
	}
	c->last_followup = n ? at[n - 1] : 0;
}

/* Orders within the last two years, and the totals the profile shows. */
static void
gen_orders(struct gen *g, struct customer *c)
{
	struct order	*o;
	long long	 at[ORDERS_MAX], a1, a2;
	size_t		 i;

	c->norders = (size_t)rng_range(&g->rng, 0, g->profile->orders_max);
	c->order_total = 0;
	gen_times(g, c->created > g->now - 730 * DAY ? c->created :
	    g->now - 730 * DAY, at, c->norders);
	for (i = 0; i < c->norders; i++) {
		o = &c->orders[i];
		o->at = at[i];
		/* The smaller of two draws: small orders are more common. */
		a1 = rng_range(&g->rng, 100000, 50000000);
		a2 = rng_range(&g->rng, 100000, 50000000);
		o->amount = a1 < a2 ? a1 : a2;
		o->margin = rng_range(&g->rng, 500, 4000);
		o->note = rng_percent(&g->rng, 50) ? NULL : c->latin ?
		    PICK(&g->rng, products).en : PICK(&g->rng, products).zh;
		c->order_total += o->amount;
	}
}

/* One customer with everything that hangs off it, in arena a. */
static void
gen_customer(struct gen *g, struct arena *a, struct customer *c)
{
	const char	*domain;
	size_t		 i;

	memset(c, 0, sizeof(*c));
	domain = gen_name(g, a, c);
	c->sortkey = sortkey(a, c->name, &c->sortlen);
	c->grade = rng_weighted(&g->rng, grades, NITEMS(grades));
	c->owner = &g->owners[rng_below(&g->rng, (long long)g->nowners)];
	c->created = g->now - rng_below(&g->rng, 3 * 365 * DAY);
	gen_times(g, c->created, &c->updated, 1);
	if (rng_percent(&g->rng, 60))
		c->budget = PICK(&g->rng, budgets);
	if (rng_percent(&g->rng, 40))
		c->purchase = (g->now / DAY + rng_range(&g->rng, -180, 365)) *
		    DAY;
	if (rng_percent(&g->rng, 50))
		c->satisfaction = rng_weighted(&g->rng, satisfactions,
		    NITEMS(satisfactions));
	c->ncontacts = (size_t)rng_range(&g->rng, g->profile->contacts_min,
	    g->profile->contacts_max);
	for (i = 0; i < c->ncontacts; i++) {
		c->contacts[i].is_key = i == 0;
		gen_contact(g, a, c, domain, &c->contacts[i]);
	}
	gen_followups(g, a, c);
	gen_orders(g, c);
}

/* ------------------------------------------------------------ database */

/* libgcrypt and the configuration's key file; 0, or -1 said why. */
static int
keys_open(void)
{
	if (crypto_init() == -1) {
		fprintf(stderr, "crmctl: libgcrypt initialisation failed\n");
		return -1;
	}
	return fieldcrypt_load(config.key_file);
}

/* Company time now, as the generator counts it; -1 on error. */
static long long
db_now(struct db *db, struct arena *a)
{
	long long	 now;

	if ((now = db_int_query(db, a, sql_now, -1, "")) <= 0)
		fprintf(stderr, "crmctl: cannot read the time from the "
		    "database\n");
	return now > 0 ? now : -1;
}

/* Run a prepared INSERT or UPDATE; the new row's id, or -1. */
static long long
db_run(struct dbq *q)
{
	long long	 id = -1;

	if (db_step(q) != DB_ERROR)
		id = db_insert_id(q);
	if (db_finish(q) != 0)
		return -1;
	return id;
}

static void
bind_id(struct dbq *q, unsigned idx, long long id)
{
	if (id == 0)
		db_bind_null(q, idx);
	else
		db_bind_int(q, idx, id);
}

/* Bind a time (or a date) as text, NULL for 0; buf must outlive q. */
static void
bind_time(struct dbq *q, unsigned idx, long long t, int date_only,
    char buf[TIME_MAX])
{
	if (t == 0)
		db_bind_null(q, idx);
	else
		db_bind_text(q, idx, fmt_time(buf, t, date_only));
}

/* The sales reps and directors who own customers, in out (arena a). */
static long long
db_sellers(struct db *db, struct arena *a, struct owner **out)
{
	struct dbq	 q;
	struct owner	*o = NULL, *grown;
	long long	 n = 0, cap = 0;
	enum db_rc	 rc;

	if (db_prepare(&q, db, a, sql_sellers) == -1)
		return -1;
	while ((rc = db_step(&q)) == DB_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			grown = arena_calloc(a, (size_t)cap, sizeof(*o));
			if (n)
				memcpy(grown, o, (size_t)n * sizeof(*o));
			o = grown;
		}
		o[n].id = db_int(&q, 0);
		o[n].team_id = db_int(&q, 1);
		n++;
	}
	if (db_finish(&q) != 0 || rc == DB_ERROR)
		return -1;
	*out = o;
	return n;
}

/* ------------------------------------------------------------ demo-logins */

/* The demo logins that exist in the database; -1 if none or on error. */
static int
logins_print(struct db *db, struct arena *a)
{
	size_t		 i;
	long long	 n;
	int		 shown = 0;

	for (i = 0; i < NITEMS(demo_users); i++) {
		n = db_int_query(db, a, sql_user_exists, -1, "s",
		    demo_users[i].login);
		if (n < 0) {
			fprintf(stderr, "crmctl: cannot read app_user\n");
			return -1;
		}
		if (n == 0)
			continue;
		if (shown++ == 0)
			printf("%-12s %-22s %s\n", "login", "password", "role");
		printf("%-12s %-22s %s\n", demo_users[i].login,
		    demo_users[i].password, demo_users[i].role);
	}
	if (shown == 0) {
		fprintf(stderr, "crmctl: no demo users: run seed-demo\n");
		return -1;
	}
	return 0;
}

static int
cmd_demo_logins(struct db *db, struct arena *a, char **argv)
{
	(void)argv;
	return logins_print(db, a);
}

/* ------------------------------------------------------------ seed-demo */

static long long
seed_team(struct db *db, struct arena *a, const char *name)
{
	struct dbq	 q;

	if (db_prepare(&q, db, a, sql_team_insert) == -1)
		return -1;
	db_bind_text(&q, 0, name);
	return db_run(&q);
}

/* Insert u with its role; its id, or -1. team_id 0 is no team. */
static long long
seed_user(struct db *db, struct arena *a, const struct demo_user *u,
    long long team_id)
{
	struct dbq	 q;
	char		*hash;
	long long	 id;

	if (password_hash(a, u->password, &hash) == -1) {
		fprintf(stderr, "crmctl: password_hash failed\n");
		return -1;
	}
	if (db_prepare(&q, db, a, sql_user_insert) == -1)
		return -1;
	db_bind_text(&q, 0, u->login);
	db_bind_text(&q, 1, u->name);
	db_bind_text(&q, 2, arena_printf(a, "%s@example.com", u->login));
	db_bind_text(&q, 3, hash);
	bind_id(&q, 4, team_id);
	db_bind_text(&q, 5, u->lang);
	if ((id = db_run(&q)) == -1)
		return -1;
	/* One row, or the role code is not in 003_reference.sql. */
	if (db_exec(db, a, sql_user_role, "is", id, u->role) != 1) {
		fprintf(stderr, "crmctl: no role %s\n", u->role);
		return -1;
	}
	return id;
}

/* The teams, then the users, then who leads which team. */
static int
seed_people(struct db *db, struct arena *a)
{
	long long	 team_ids[NITEMS(demo_teams)], user_ids[NITEMS(demo_users)];
	long long	 team_id;
	size_t		 i, j;

	for (i = 0; i < NITEMS(demo_teams); i++)
		if ((team_ids[i] = seed_team(db, a, demo_teams[i].name)) == -1)
			return -1;
	for (i = 0; i < NITEMS(demo_users); i++) {
		team_id = 0;
		for (j = 0; j < NITEMS(demo_teams); j++)
			if (demo_users[i].team != NULL &&
			    strcmp(demo_users[i].team, demo_teams[j].name) == 0)
				team_id = team_ids[j];
		user_ids[i] = seed_user(db, a, &demo_users[i], team_id);
		if (user_ids[i] == -1)
			return -1;
	}
	for (i = 0; i < NITEMS(demo_teams); i++)
		for (j = 0; j < NITEMS(demo_users); j++)
			if (demo_teams[i].leader != NULL &&
			    strcmp(demo_teams[i].leader,
			    demo_users[j].login) == 0 &&
			    db_exec(db, a, sql_team_leader, "ii", user_ids[j],
			    team_ids[i]) != 1)
				return -1;
	return 0;
}

static int
seed_contact(struct db *db, struct arena *a, long long customer_id,
    const struct contact *p)
{
	struct dbq	 q;
	char		 created[TIME_MAX];
	long long	 id;

	if (db_prepare(&q, db, a, sql_contact_insert) == -1)
		return -1;
	db_bind_int(&q, 0, customer_id);
	db_bind_text(&q, 1, p->name);
	db_bind_text(&q, 2, p->title);
	db_bind_text(&q, 3, p->mobile);
	db_bind_text(&q, 4, p->email);
	db_bind_int(&q, 5, p->is_key);
	bind_time(&q, 6, p->created, 0, created);
	if ((id = db_run(&q)) == -1)
		return -1;
	return sealed_write(db, a, SEALED_CONTACT_PREFERENCES, id,
	    p->preferences);
}

static int
seed_followup(struct db *db, struct arena *a, long long customer_id,
    long long author_id, const struct followup *f)
{
	struct dbq	 q;
	char		 at[TIME_MAX], due[TIME_MAX];

	if (db_prepare(&q, db, a, sql_followup_insert) == -1)
		return -1;
	db_bind_int(&q, 0, customer_id);
	db_bind_int(&q, 1, author_id);
	bind_time(&q, 2, f->at, 0, at);
	db_bind_text(&q, 3, f->method);
	db_bind_text(&q, 4, f->content);
	db_bind_text(&q, 5, f->next_action);
	bind_time(&q, 6, f->due, 1, due);
	db_bind_int(&q, 7, f->done);
	return db_run(&q) == -1 ? -1 : 0;
}

static int
seed_order(struct db *db, struct arena *a, long long customer_id,
    long long author_id, const struct order *o)
{
	struct dbq	 q;
	char		 day[TIME_MAX], at[TIME_MAX];
	char		 amount[FIXED_MAX], margin[FIXED_MAX];

	if (db_prepare(&q, db, a, sql_order_insert) == -1)
		return -1;
	db_bind_int(&q, 0, customer_id);
	bind_time(&q, 1, o->at, 1, day);
	db_bind_text(&q, 2, fmt_fixed(amount, o->amount, 2));
	db_bind_text(&q, 3, fmt_fixed(margin, o->margin, 2));
	db_bind_text(&q, 4, o->note);
	db_bind_int(&q, 5, author_id);
	bind_time(&q, 6, o->at, 0, at);
	return db_run(&q) == -1 ? -1 : 0;
}

static int
seed_customer(struct db *db, struct arena *a, const char *code,
    const struct customer *c)
{
	struct dbq	 q;
	char		 purchase[TIME_MAX], last[TIME_MAX], created[TIME_MAX];
	char		 updated[TIME_MAX], total[FIXED_MAX];
	long long	 id;
	size_t		 i;

	if (db_prepare(&q, db, a, sql_customer_insert) == -1)
		return -1;
	db_bind_text(&q, 0, code);
	db_bind_text(&q, 1, c->name);
	db_bind_blob(&q, 2, c->sortkey, c->sortlen);
	db_bind_text(&q, 3, c->industry);
	db_bind_text(&q, 4, c->grade);
	db_bind_int(&q, 5, c->owner->id);
	bind_id(&q, 6, c->owner->team_id);
	db_bind_text(&q, 7, c->address);
	bind_time(&q, 8, c->purchase, 1, purchase);
	db_bind_text(&q, 9, c->satisfaction);
	db_bind_int(&q, 10, (long long)c->norders);
	db_bind_text(&q, 11, fmt_fixed(total, c->order_total, 2));
	bind_time(&q, 12, c->last_followup, 0, last);
	bind_time(&q, 13, c->created, 0, created);
	bind_time(&q, 14, c->updated, 0, updated);
	if ((id = db_run(&q)) == -1 ||
	    db_exec(db, a, sql_custom_row, "i", id) != 1 ||
	    sealed_write(db, a, SEALED_CUSTOMER_BUDGET, id, c->budget) == -1 ||
	    search_index(db, a, id, c->name) == -1)
		return -1;
	for (i = 0; i < c->ncontacts; i++)
		if (seed_contact(db, a, id, &c->contacts[i]) == -1)
			return -1;
	for (i = 0; i < c->nfollowups; i++)
		if (seed_followup(db, a, id, c->owner->id,
		    &c->followups[i]) == -1)
			return -1;
	for (i = 0; i < c->norders; i++)
		if (seed_order(db, a, id, c->owner->id, &c->orders[i]) == -1)
			return -1;
	return 0;
}

/* The customers, coded CRM<year>001 on, and the serial the app goes on from. */
static int
seed_customers(struct db *db, struct arena *a, long long now)
{
	struct arena	*batch;
	struct owner	*owners;
	struct gen	 g;
	struct customer	 c;
	char		 year[TIME_MAX], code[CODE_MAX];
	long long	 n;
	int		 i, rc = 0;

	if ((n = db_sellers(db, a, &owners)) <= 0)
		return -1;
	gen_init(&g, SEED_DEMO, now, owners, (size_t)n, &demo_profile);
	fmt_time(year, now, 1);
	year[4] = '\0';	/* the period is the year */
	batch = arena_new();
	for (i = 1; i <= DEMO_CUSTOMERS && rc == 0; i++) {
		arena_reset(batch);
		gen_customer(&g, batch, &c);
		snprintf(code, sizeof(code), "CRM%.4s%03d", year, i);
		rc = seed_customer(db, batch, code, &c);
	}
	arena_free(batch);
	if (rc == 0 && db_exec(db, a, sql_serial_set, "ssi", "CRM", year,
	    (long long)DEMO_CUSTOMERS) < 0)
		rc = -1;
	return rc;
}

/* ------------------------------------------------------------ opportunities */

/* One opportunity for every OPP_EVERY-th demo customer. */
#define OPP_EVERY	6
#define SEED_OPP	0x5a1e5b1be11ULL

/* The open stages of 012_opportunities.sql, in order. */
static const char *const open_path[] = {
	"lead", "needs", "demo", "negotiation", "contract"
};

static const struct weighted opp_stages[] = {
	{ "lead", 10 }, { "needs", 10 }, { "demo", 8 }, { "negotiation", 7 },
	{ "contract", 5 }, { "won", 6 }, { "lost", 4 },
};

static const char *const lead_sources[] = {
	"expo", "referral", "online_ads", "telemarketing", "self_visit"
};
static const char *const won_reasons[] = {
	"product_fit", "price", "relationship"
};
static const char *const lost_reasons[] = {
	"competitor", "budget_cut", "no_decision", "requirements"
};
static const char *const opp_competitors[] = {
	"用友、金蝶", "Salesforce", "纷享销客", "本地集成商", "销售易、用友"
};
static const char *const opp_advantages[] = {
	"本地化实施团队，响应快。", "与客户现有系统集成经验丰富。",
	"价格有竞争力，服务条款灵活。", "客户高层认可我们的行业案例。"
};
static const char *const opp_risks[] = {
	"预算需集团审批，时间不确定。", "客户IT部门倾向自研。",
	"竞争对手报价更低。", "关键决策人可能调岗。"
};

struct seeded {
	long long	 id, owner, team;
};

/* An opportunity's way through the stages: its path and when it entered
 * each; the last is where it stands. */
struct opp_path {
	const char	*stage[NITEMS(open_path) + 1];
	long long	 at[NITEMS(open_path) + 1];
	size_t		 n;
};

static void
gen_path(struct rng *r, long long now, const char *stage, struct opp_path *p)
{
	long long	 lead = now - rng_range(r, 30, 200) * DAY;
	long long	 last = now - rng_range(r, 0, 25) * DAY - rng_below(r, DAY);
	size_t		 reach, i;
	int		 won = strcmp(stage, "won") == 0;
	int		 lost = strcmp(stage, "lost") == 0;

	for (reach = 0; reach < NITEMS(open_path) - 1 &&
	    strcmp(open_path[reach], stage) != 0; reach++)
		;
	if (won)
		reach = NITEMS(open_path) - 1;
	else if (lost)
		reach = (size_t)rng_below(r, NITEMS(open_path));
	p->n = 0;
	for (i = 0; i <= reach; i++)
		p->stage[p->n++] = open_path[i];
	if (won || lost)
		p->stage[p->n++] = stage;
	for (i = 0; i < p->n; i++)
		p->at[i] = p->n == 1 ? lead :
		    lead + (last - lead) * (long long)i / (long long)(p->n - 1);
}

static const char *
maybe(struct rng *r, int percent, const char *const *list, size_t n)
{
	return rng_percent(r, percent) ? list[rng_below(r, (long long)n)] :
	    NULL;
}

static int
seed_opportunity(struct db *db, struct arena *a, struct rng *r,
    long long now, const struct seeded *cu, const char *code)
{
	struct dbq	 q;
	struct opp_path	 p;
	const char	*stage = rng_weighted(r, opp_stages, NITEMS(opp_stages));
	const char	*reason = NULL;
	char		 amount[FIXED_MAX], close[TIME_MAX], lead[TIME_MAX];
	char		 entered[TIME_MAX], at[TIME_MAX];
	long long	 id, closes;
	size_t		 i;
	unsigned	 k = 0;

	gen_path(r, now, stage, &p);
	closes = now + rng_range(r, 7, 150) * DAY;
	if (strcmp(stage, "won") == 0)
		reason = PICK(r, won_reasons);
	else if (strcmp(stage, "lost") == 0)
		reason = PICK(r, lost_reasons);
	if (reason != NULL)
		closes = p.at[p.n - 1];
	if (db_prepare(&q, db, a, sql_opp_insert) == -1)
		return -1;
	db_bind_text(&q, k++, code);
	db_bind_text(&q, k++, PICK(r, products).zh);
	db_bind_int(&q, k++, cu->id);
	db_bind_int(&q, k++, cu->owner);
	bind_id(&q, k++, cu->team);
	db_bind_text(&q, k++, fmt_fixed(amount, rng_range(r, 5, 200) *
	    1000000, 2));
	bind_time(&q, k++, closes, 1, close);
	db_bind_text(&q, k++, PICK(r, lead_sources));
	bind_time(&q, k++, p.at[0], 1, lead);
	db_bind_text(&q, k++, stage);
	bind_time(&q, k++, p.at[p.n - 1], 0, entered);
	db_bind_text(&q, k++, maybe(r, 70, opp_competitors,
	    NITEMS(opp_competitors)));
	db_bind_text(&q, k++, maybe(r, 70, opp_advantages,
	    NITEMS(opp_advantages)));
	db_bind_text(&q, k++, maybe(r, 50, opp_risks, NITEMS(opp_risks)));
	db_bind_text(&q, k++, reason);
	db_bind_int(&q, k++, cu->owner);
	bind_time(&q, k++, p.at[0], 0, lead);
	bind_time(&q, k++, p.at[p.n - 1], 0, entered);
	db_bind_text(&q, k++, stage);
	if ((id = db_run(&q)) <= 0)
		return -1;
	for (i = 0; i < p.n; i++) {
		if (db_prepare(&q, db, a, sql_opp_stage_insert) == -1)
			return -1;
		db_bind_int(&q, 0, id);
		db_bind_int(&q, 1, cu->owner);
		bind_time(&q, 2, p.at[i], 0, at);
		db_bind_text(&q, 3, i == 0 ? NULL : p.stage[i - 1]);
		db_bind_text(&q, 4, p.stage[i]);
		if (db_run(&q) == -1)
			return -1;
	}
	return 0;
}

/* Opportunities on some demo customers, coded SO<year><month>001 on. */
static int
seed_opportunities(struct db *db, struct arena *a, long long now)
{
	struct dbq	 q;
	struct seeded	 cus[DEMO_CUSTOMERS];
	struct rng	 r = { SEED_OPP };
	char		 month[TIME_MAX], code[CODE_MAX];
	size_t		 n = 0, i;
	long long	 made = 0;

	if (db_prepare(&q, db, a, sql_seeded_customers) == -1)
		return -1;
	while (n < NITEMS(cus) && db_step(&q) == DB_ROW) {
		cus[n].id = db_int(&q, 0);
		cus[n].owner = db_int(&q, 1);
		cus[n].team = db_int(&q, 2);
		n++;
	}
	if (db_finish(&q) != 0)
		return -1;
	fmt_time(month, now, 1);
	memmove(month + 4, month + 5, 2);
	month[6] = '\0';	/* the period is year and month */
	for (i = 0; i < n; i += OPP_EVERY) {
		snprintf(code, sizeof(code), "SO%s%03lld", month, ++made);
		if (seed_opportunity(db, a, &r, now, &cus[i], code) == -1)
			return -1;
	}
	return db_exec(db, a, sql_serial_set, "ssi", "SO", month, made) < 0 ?
	    -1 : 0;
}

/* ------------------------------------------------------------ contracts */

/* The won opportunities' contracts go through these, in turn. */
static const char *const contract_statuses[] = {
	"approved", "approved", "pending", "draft", "rejected", "approved",
	"draft", "pending", "rejected"
};

static const char sql_won_opps[] =
    "SELECT id, customer_id, owner_id, COALESCE(team_id, 0), name, amount"
    " FROM opportunity WHERE stage = 'won' ORDER BY id";
/* The owner's team leader decides, or the admin when there is none. */
static const char sql_decider[] =
    "SELECT COALESCE((SELECT leader_id FROM team WHERE id = ?"
    " AND leader_id <> ?), (SELECT id FROM app_user WHERE login = 'admin'))";
static const char sql_contract_insert[] =
    "INSERT INTO contract (code, opportunity_id, customer_id, owner_id,"
    " team_id, title, total, paid, sign_date, start_date, end_date, terms,"
    " status, submitted_by, created_by, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char sql_instalment_insert[] =
    "INSERT INTO contract_instalment (contract_id, position, due_date,"
    " amount, paid, note, owner_id, team_id, live)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, NULLIF(?, 0), ?)";
static const char sql_payment_insert[] =
    "INSERT INTO contract_payment (contract_id, paid_on, amount, method,"
    " reference, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
static const char sql_approval_insert[] =
    "INSERT INTO contract_approval (contract_id, user_id, at, decision,"
    " comment) VALUES (?, ?, ?, ?, ?)";

/* A won opportunity as its contract needs it. */
struct won {
	long long	 id, customer, owner, team, cents;
	const char	*name;
};

/*
 * A schedule of 30%, 40% and the rest. Approved contracts are due 45
 * and 10 days ago and in 40 days, and the nth has its first n - 1
 * instalments paid (so the first is overdue twice, the second once, the
 * third not); the others are due in 30, 90 and 180 days.
 */
struct plan {
	long long	 amount[3], due[3], paid[3];
};

static void
plan_make(struct plan *p, long long cents, long long now, int approved,
    int nth)
{
	static const long long	 approved_days[] = { -45, -10, 40 };
	static const long long	 later_days[] = { 30, 90, 180 };
	int			 i;

	p->amount[0] = cents * 30 / 100;
	p->amount[1] = cents * 40 / 100;
	p->amount[2] = cents - p->amount[0] - p->amount[1];
	for (i = 0; i < 3; i++) {
		p->due[i] = now + (approved ? approved_days[i] :
		    later_days[i]) * DAY;
		p->paid[i] = approved && i < nth ? p->amount[i] : 0;
	}
}

static int
seed_approval(struct db *db, struct arena *a, long long id, long long who,
    long long at, const char *decision, const char *comment)
{
	char	 buf[TIME_MAX];

	return db_exec(db, a, sql_approval_insert, "iisss", id, who,
	    fmt_time(buf, at, 0), decision, comment) == 1 ? 0 : -1;
}

static int
seed_contract(struct db *db, struct arena *a, const struct won *w,
    const char *code, const char *status, int nth, long long now)
{
	struct dbq	 q;
	struct plan	 p;
	char		 sign[TIME_MAX], end[TIME_MAX], at[TIME_MAX];
	char		 total[FIXED_MAX], paid[FIXED_MAX], due[TIME_MAX];
	char		 amount[FIXED_MAX], part[FIXED_MAX];
	long long	 signed_at = now - 60 * DAY, id, decider, sum = 0;
	int		 approved = strcmp(status, "approved") == 0, i;
	unsigned	 k = 0;

	plan_make(&p, w->cents, now, approved, nth);
	for (i = 0; i < 3; i++)
		sum += p.paid[i];
	if ((decider = db_int_query(db, a, sql_decider, -1, "ii", w->team,
	    w->owner)) <= 0 || db_prepare(&q, db, a, sql_contract_insert) == -1)
		return -1;
	db_bind_text(&q, k++, code);
	db_bind_int(&q, k++, w->id);
	db_bind_int(&q, k++, w->customer);
	db_bind_int(&q, k++, w->owner);
	bind_id(&q, k++, w->team);
	db_bind_text(&q, k++, w->name);
	db_bind_text(&q, k++, fmt_fixed(total, w->cents, 2));
	db_bind_text(&q, k++, fmt_fixed(paid, sum, 2));
	bind_time(&q, k++, signed_at, 1, sign);
	bind_time(&q, k++, signed_at, 1, sign);
	bind_time(&q, k++, signed_at + 365 * DAY, 1, end);
	db_bind_text(&q, k++, "按回款计划分三期付款，逾期按日万分之五计违约金。");
	db_bind_text(&q, k++, status);
	bind_id(&q, k++, strcmp(status, "draft") == 0 ? 0 : w->owner);
	db_bind_int(&q, k++, w->owner);
	bind_time(&q, k++, signed_at, 0, at);
	bind_time(&q, k++, signed_at, 0, at);
	if ((id = db_run(&q)) <= 0)
		return -1;
	for (i = 0; i < 3; i++) {
		fmt_time(due, p.due[i], 1);
		if (db_exec(db, a, sql_instalment_insert, "iisssiiii", id,
		    (long long)(i + 1), due, fmt_fixed(amount, p.amount[i], 2),
		    fmt_fixed(part, p.paid[i], 2), i == 0 ? "首付款" : NULL,
		    w->owner, w->team, (long long)approved) != 1)
			return -1;
		if (p.paid[i] > 0 && db_exec(db, a, sql_payment_insert,
		    "issssis", id, due, amount, "bank_transfer",
		    arena_printf(a, "%s-%d", code, i + 1), w->owner,
		    fmt_time(at, p.due[i], 0)) != 1)
			return -1;
	}
	if (strcmp(status, "draft") == 0)
		return 0;
	if (seed_approval(db, a, id, w->owner, signed_at + DAY, "submitted",
	    NULL) == -1)
		return -1;
	if (strcmp(status, "pending") == 0)
		return 0;
	return seed_approval(db, a, id, decider, signed_at + 2 * DAY,
	    approved ? "approved" : "rejected", approved ? "同意。" :
	    "回款周期过长，请与客户协商缩短为两期。");
}

/* A contract on every won opportunity, coded HT<year><month>001 on. */
static int
seed_contracts(struct db *db, struct arena *a, long long now)
{
	struct dbq	 q;
	struct won	 w[DEMO_CUSTOMERS];
	char		 month[TIME_MAX], code[CODE_MAX];
	size_t		 n = 0, i;
	int		 approved = 0;
	const char	*status;

	if (db_prepare(&q, db, a, sql_won_opps) == -1)
		return -1;
	while (n < NITEMS(w) && db_step(&q) == DB_ROW) {
		w[n].id = db_int(&q, 0);
		w[n].customer = db_int(&q, 1);
		w[n].owner = db_int(&q, 2);
		w[n].team = db_int(&q, 3);
		w[n].name = db_text(&q, 4);
		w[n].cents = money_cents(db_str(&q, 5));
		n++;
	}
	if (db_finish(&q) != 0)
		return -1;
	fmt_time(month, now, 1);
	memmove(month + 4, month + 5, 2);
	month[6] = '\0';
	for (i = 0; i < n; i++) {
		status = contract_statuses[i % NITEMS(contract_statuses)];
		snprintf(code, sizeof(code), "HT%s%03zu", month, i + 1);
		if (seed_contract(db, a, &w[i], code, status,
		    strcmp(status, "approved") == 0 ? approved++ % 3 : 0,
		    now) == -1)
			return -1;
	}
	return db_exec(db, a, sql_serial_set, "ssi", "HT", month,
	    (long long)n) < 0 ? -1 : 0;
}

/* ------------------------------------------------------------ quotes */

/*
 * The opportunities in negotiation and contract stage get a quote each, of
 * these kinds in turn: at list prices, or with a discount on its first
 * line, which a director has approved or is still to decide on.
 */
static const struct {
	const char	*status;
	long long	 discount_bp;	/* of the first line, 1/100 % */
} quote_kinds[] = {
	{ "pending", 1000 }, { "draft", 0 }, { "sent", 0 },
	{ "approved", 500 }, { "pending", 800 }, { "rejected", 0 },
};

static const char sql_quote_opps[] =
    "SELECT id, owner_id, COALESCE(team_id, 0), amount FROM opportunity"
    " WHERE stage IN ('negotiation', 'contract') ORDER BY id";
static const char sql_quote_insert[] =
    "INSERT INTO quote (code, opportunity_id, status, submitted_by,"
    " valid_until, note, subtotal, discount, total, created_by, created_at,"
    " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char sql_quote_line_insert[] =
    "INSERT INTO quote_line (quote_id, position, product, description,"
    " quantity, unit_price, discount_pct, line_total)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
static const char sql_quote_approval_insert[] =
    "INSERT INTO quote_approval (quote_id, user_id, at, decision, comment)"
    " VALUES (?, ?, ?, ?, ?)";

/* An opportunity as its quote needs it. */
struct quoted {
	long long	 id, owner, team, cents;
};

/* Two lines: the licences at most of the amount, and two days' training. */
struct seed_line {
	const char	*product, *description;
	long long	 qty_milli, price_cents, discount_bp, gross, net;
};

static int
seed_quote(struct db *db, struct arena *a, const struct quoted *o,
    size_t nth, long long now)
{
	struct seed_line l[2] = {
		{ "crm_suite", "年度许可（含升级）", 1000, 0, 0, 0, 0 },
		{ "training", "现场培训（天）", 2000, 500000, 0, 0, 0 },
	};
	const char	*status = quote_kinds[nth % NITEMS(quote_kinds)].status;
	const char	*code;
	char		 gross[FIXED_MAX], net[FIXED_MAX], off[FIXED_MAX];
	char		 at[TIME_MAX], until[TIME_MAX], buf[4][FIXED_MAX];
	long long	 made = now - (long long)(nth % 9 + 1) * DAY, id;
	long long	 subtotal = 0, total = 0, decider, submitter = 0;
	struct dbq	 q;
	unsigned	 k = 0;
	int		 i;

	l[0].price_cents = o->cents * 8 / 10;
	l[0].discount_bp = quote_kinds[nth % NITEMS(quote_kinds)].discount_bp;
	for (i = 0; i < 2; i++) {
		if (money_line(l[i].qty_milli, l[i].price_cents,
		    l[i].discount_bp, &l[i].gross, &l[i].net) == -1)
			return -1;
		subtotal += l[i].gross;
		total += l[i].net;
	}
	if (strcmp(status, "pending") == 0 || strcmp(status, "approved") == 0)
		submitter = o->owner;
	fmt_time(at, made, 0);
	fmt_time(until, made + 30 * DAY, 1);
	if ((code = code_next(db, a, "QT", CODE_MONTHLY)) == NULL ||
	    db_prepare(&q, db, a, sql_quote_insert) == -1)
		return -1;
	db_bind_text(&q, k++, code);
	db_bind_int(&q, k++, o->id);
	db_bind_text(&q, k++, status);
	bind_id(&q, k++, submitter);
	db_bind_text(&q, k++, until);
	db_bind_text(&q, k++, "报价含税，自报价日起30天内有效。");
	db_bind_text(&q, k++, fmt_fixed(gross, subtotal, 2));
	db_bind_text(&q, k++, fmt_fixed(off, subtotal - total, 2));
	db_bind_text(&q, k++, fmt_fixed(net, total, 2));
	db_bind_int(&q, k++, o->owner);
	db_bind_text(&q, k++, at);
	db_bind_text(&q, k++, at);
	if ((id = db_run(&q)) <= 0)
		return -1;
	for (i = 0; i < 2; i++)
		if (db_exec(db, a, sql_quote_line_insert, "iissssss", id,
		    (long long)(i + 1), l[i].product, l[i].description,
		    fmt_fixed(buf[0], l[i].qty_milli, 3),
		    fmt_fixed(buf[1], l[i].price_cents, 2),
		    fmt_fixed(buf[2], l[i].discount_bp, 2),
		    fmt_fixed(buf[3], l[i].net, 2)) != 1)
			return -1;
	if (submitter == 0)
		return 0;
	if (db_exec(db, a, sql_quote_approval_insert, "iissn", id, o->owner,
	    at, "submitted") != 1)
		return -1;
	if (strcmp(status, "approved") != 0)
		return 0;
	if ((decider = db_int_query(db, a, sql_decider, -1, "ii", o->team,
	    o->owner)) <= 0)
		return -1;
	return db_exec(db, a, sql_quote_approval_insert, "iisss", id, decider,
	    at, "approved", "折扣在权限内，同意。") == 1 ? 0 : -1;
}

static int
seed_quotes(struct db *db, struct arena *a, long long now)
{
	struct dbq	 q;
	struct quoted	 o[DEMO_CUSTOMERS];
	size_t		 n = 0, i;

	if (db_prepare(&q, db, a, sql_quote_opps) == -1)
		return -1;
	while (n < NITEMS(o) && db_step(&q) == DB_ROW) {
		o[n].id = db_int(&q, 0);
		o[n].owner = db_int(&q, 1);
		o[n].team = db_int(&q, 2);
		o[n].cents = money_cents(db_str(&q, 3));
		n++;
	}
	if (db_finish(&q) != 0)
		return -1;
	for (i = 0; i < n; i++)
		if (seed_quote(db, a, &o[i], i, now) == -1)
			return -1;
	return 0;
}

static int
cmd_seed_demo(struct db *db, struct arena *a, char **argv)
{
	long long	 users, now;

	(void)argv;
	if (keys_open() == -1 || (now = db_now(db, a)) == -1 ||
	    db_begin(db) == -1)
		return -1;
	/* Locked, so a concurrent seed-demo waits and then finds our rows. */
	if ((users = db_int_query(db, a, sql_user_count_locked, -1, "")) < 0)
		goto fail;
	if (users > 0) {
		db_rollback(db);
		printf("demo data already present\n");
		return logins_print(db, a);
	}
	if (seed_people(db, a) == -1 || seed_customers(db, a, now) == -1 ||
	    seed_opportunities(db, a, now) == -1 ||
	    seed_contracts(db, a, now) == -1 || seed_quotes(db, a, now) == -1 ||
	    report_sum_rebuild(db, a) == -1 || db_commit(db) == -1)
		goto fail;
	return logins_print(db, a);
fail:
	db_rollback(db);
	fprintf(stderr, "crmctl: seed-demo failed; nothing was stored\n");
	return -1;
}

/* ------------------------------------------------------------ gen-bench */

/* A LOAD DATA file: tab-separated, backslash escapes, \N for NULL. */
struct tsv {
	FILE		*f;
	const char	*name;
	long long	 rows;
	int		 fields;	/* written on the current row */
};

static void
tsv_sep(struct tsv *t)
{
	if (t->fields++ > 0)
		putc_unlocked('\t', t->f);
}

static void
tsv_text(struct tsv *t, const char *s)
{
	tsv_sep(t);
	if (s == NULL) {
		fputs_unlocked("\\N", t->f);
		return;
	}
	for (; *s != '\0'; s++)
		switch (*s) {
		case '\\':
			fputs_unlocked("\\\\", t->f);
			break;
		case '\t':
			fputs_unlocked("\\t", t->f);
			break;
		case '\n':
			fputs_unlocked("\\n", t->f);
			break;
		case '\r':
			fputs_unlocked("\\r", t->f);
			break;
		default:
			putc_unlocked(*s, t->f);
		}
}

static void
tsv_fixed(struct tsv *t, long long v, int dec)
{
	char	 buf[FIXED_MAX];

	tsv_text(t, fmt_fixed(buf, v, dec));
}

/* An id; 0 is NULL. */
static void
tsv_id(struct tsv *t, long long id)
{
	if (id == 0)
		tsv_text(t, NULL);
	else
		tsv_fixed(t, id, 0);
}

/* A time or a date; 0 is NULL. */
static void
tsv_time(struct tsv *t, long long v, int date_only)
{
	char	 buf[TIME_MAX];

	tsv_text(t, v == 0 ? NULL : fmt_time(buf, v, date_only));
}

static void
tsv_end(struct tsv *t)
{
	putc_unlocked('\n', t->f);
	t->fields = 0;
	t->rows++;
}

enum {
	TSV_CUSTOMER, TSV_TOKEN, TSV_CONTACT, TSV_FOLLOWUP, TSV_ORDER,
	TSV_CUSTOM, TSV_N
};

static const char *const tsv_names[TSV_N] = {
	"customer.tsv", "customer_token.tsv", "contact.tsv", "followup.tsv",
	"customer_order.tsv", "customer_custom.tsv",
};

/* The benchmark's custom fields: one to filter by, one to sort by. */
static const struct bench_field {
	const char	*code;
	enum cf_type	 type;
	const char	*label_en, *label_zh;
} bench_fields[] = {
	{ "bench_tier", CF_CHOICE, "Tier", "层级" },
	{ "bench_score", CF_NUMBER, "Score", "评分" },
};

/* The tiers of bench_tier: from common to rare. */
static const struct weighted bench_tiers[] = {
	{ "tier_a", 40 }, { "tier_b", 30 }, { "tier_c", 20 }, { "tier_d", 9 },
	{ "tier_e", 1 },
};

/*
 * Make the benchmark's custom fields unless they exist, with the tiers
 * as options, in free slots; print the slots, which load.sh names.
 */
static int
bench_fields_make(struct db *db, struct arena *a)
{
	const struct bench_field *f;
	const struct cf_type_def *t;
	long long		 slot;
	size_t			 i;

	if (db_begin(db) == -1)
		return -1;
	for (i = 0; i < NITEMS(bench_fields); i++) {
		f = &bench_fields[i];
		t = &cf_types[f->type];
		if ((slot = db_int_query(db, a, sql_bench_slot, -1, "s",
		    f->code)) == -1 && ((slot = cf_slot_free(db, a, "customer",
		    t->store)) <= 0 || db_exec(db, a, sql_bench_field,
		    "sssissi", f->code, t->name, cf_stores[t->store].name,
		    slot, f->label_en, f->label_zh, (long long)(i + 1) * 10) !=
		    1)) {
			fprintf(stderr, "crmctl: no custom field %s: no free "
			    "%s slot, or the database refused it\n", f->code,
			    cf_stores[t->store].name);
			goto fail;
		}
		printf("custom field %s: %s slot %lld\n", f->code,
		    cf_stores[t->store].name, slot);
	}
	for (i = 0; i < NITEMS(bench_tiers); i++)
		if (db_exec(db, a, sql_bench_option, "ssssi", "cf_bench_tier",
		    bench_tiers[i].code, bench_tiers[i].code,
		    bench_tiers[i].code, (long long)(i + 1) * 10) < 0)
			goto fail;
	return db_commit(db);
fail:
	db_rollback(db);
	return -1;
}

/*
 * Customer id's custom values, drawn from the id alone so that every
 * load gives a customer the same: a tier, and a score (a tenth empty).
 */
static void
bench_custom(struct tsv *t, long long id)
{
	/* splitmix64's finaliser: neighbouring ids, unrelated draws. */
	uint64_t	 z = ((uint64_t)id ^ SEED_CUSTOM) + 0x9e3779b97f4a7c15ULL;
	struct rng	 r;

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	r.s = (z ^ (z >> 31)) | 1;
	tsv_fixed(t, id, 0);
	tsv_text(t, rng_weighted(&r, bench_tiers, NITEMS(bench_tiers)));
	if (rng_percent(&r, 10))
		tsv_text(t, NULL);
	else
		tsv_fixed(t, rng_below(&r, 10000000), 2);
	tsv_end(t);
}

/* A value sealed for col of row id, in hex for LOAD DATA's UNHEX. */
static int
tsv_sealed(struct tsv *t, struct arena *a, enum sealed_column col,
    long long id, const char *plain)
{
	const struct sealed_def	*d = &sealed_columns[col];
	unsigned char		*v;
	size_t			 len;

	if (plain == NULL) {
		tsv_text(t, NULL);
		return 0;
	}
	if (fieldcrypt_seal(a, d->table, d->column, id, plain, strlen(plain),
	    &v, &len) == -1)
		return -1;
	tsv_text(t, token_hex(a, v, len));
	return 0;
}

/*
 * The column order bench/load.sh names for each file. Contacts get their
 * ids here, after *contact_id, because a sealed value names its row.
 */
static int
bench_write(struct tsv *out, struct arena *a, long long id, const char *code,
    const struct customer *c, long long *contact_id)
{
	struct tsv	*t = &out[TSV_CUSTOMER];
	char		**tok;
	const char	*hex = token_hex(a, c->sortkey, c->sortlen);
	size_t		 i, ntok;

	tsv_fixed(t, id, 0);
	tsv_text(t, code);
	tsv_text(t, c->name);
	tsv_text(t, hex);
	tsv_text(t, c->industry);
	tsv_text(t, c->grade);
	tsv_fixed(t, c->owner->id, 0);
	tsv_id(t, c->owner->team_id);
	tsv_text(t, c->address);
	if (tsv_sealed(t, a, SEALED_CUSTOMER_BUDGET, id, c->budget) == -1)
		return -1;
	tsv_time(t, c->purchase, 1);
	tsv_text(t, c->satisfaction);
	tsv_fixed(t, (long long)c->norders, 0);
	tsv_fixed(t, c->order_total, 2);
	tsv_time(t, c->last_followup, 0);
	tsv_time(t, c->created, 0);
	tsv_time(t, c->updated, 0);
	tsv_end(t);
	ntok = search_token_list(a, c->name, &tok);
	for (i = 0, t = &out[TSV_TOKEN]; i < ntok; i++) {
		tsv_text(t, tok[i]);
		tsv_text(t, hex);
		tsv_fixed(t, id, 0);
		tsv_end(t);
	}
	for (i = 0, t = &out[TSV_CONTACT]; i < c->ncontacts; i++) {
		tsv_fixed(t, ++*contact_id, 0);
		tsv_fixed(t, id, 0);
		tsv_text(t, c->contacts[i].name);
		tsv_text(t, c->contacts[i].title);
		tsv_text(t, c->contacts[i].mobile);
		tsv_text(t, c->contacts[i].email);
		tsv_fixed(t, c->contacts[i].is_key, 0);
		tsv_time(t, c->contacts[i].created, 0);
		if (tsv_sealed(t, a, SEALED_CONTACT_PREFERENCES, *contact_id,
		    c->contacts[i].preferences) == -1)
			return -1;
		tsv_end(t);
	}
	for (i = 0, t = &out[TSV_FOLLOWUP]; i < c->nfollowups; i++) {
		tsv_fixed(t, id, 0);
		tsv_fixed(t, c->owner->id, 0);
		tsv_time(t, c->followups[i].at, 0);
		tsv_text(t, c->followups[i].method);
		tsv_text(t, c->followups[i].content);
		tsv_text(t, c->followups[i].next_action);
		tsv_time(t, c->followups[i].due, 1);
		tsv_fixed(t, c->followups[i].done, 0);
		tsv_end(t);
	}
	for (i = 0, t = &out[TSV_ORDER]; i < c->norders; i++) {
		tsv_fixed(t, id, 0);
		tsv_time(t, c->orders[i].at, 1);
		tsv_fixed(t, c->orders[i].amount, 2);
		tsv_fixed(t, c->orders[i].margin, 2);
		tsv_text(t, c->orders[i].note);
		tsv_fixed(t, c->owner->id, 0);
		tsv_time(t, c->orders[i].at, 0);
		tsv_end(t);
	}
	bench_custom(&out[TSV_CUSTOM], id);
	return 0;
}

/* Close every open file; -1 if any write failed. */
static int
bench_close(struct tsv *out)
{
	int	 i, rc = 0;

	for (i = 0; i < TSV_N; i++) {
		if (out[i].f == NULL)
			continue;
		if (ferror(out[i].f) || fclose(out[i].f) == EOF) {
			fprintf(stderr, "crmctl: %s: write failed\n",
			    out[i].name);
			rc = -1;
		}
		out[i].f = NULL;
	}
	return rc;
}

/* Open the files from..to-1 of tsv_names in dir. */
static int
bench_open(struct tsv *out, struct arena *a, const char *dir, int from,
    int to)
{
	int	 i;

	memset(out, 0, TSV_N * sizeof(*out));
	for (i = from; i < to; i++) {
		out[i].name = arena_printf(a, "%s/%s", dir, tsv_names[i]);
		if ((out[i].f = fopen(out[i].name, "w")) == NULL) {
			fprintf(stderr, "crmctl: %s: %s\n", out[i].name,
			    strerror(errno));
			bench_close(out);
			return -1;
		}
		/* Large writes: the files run to gigabytes. */
		setvbuf(out[i].f, NULL, _IOFBF, 1 << 20);
	}
	return 0;
}

/*
 * N customers after those already stored: ids and CRMB codes carry on from
 * the largest id, and mobiles from the contact ids, so that a load on top
 * of the demo (or an earlier load) collides with nothing.
 */
static int
cmd_gen_bench(struct db *db, struct arena *a, char **argv)
{
	struct tsv	 out[TSV_N];
	struct arena	*batch;
	struct owner	*owners;
	struct gen	 g;
	struct customer	 c;
	char		 code[CODE_MAX], *end;
	long long	 n, nowners, first, contacts, now, id;
	int		 i, rc = 0;

	n = strtoll(argv[0], &end, 10);
	if (*argv[0] == '\0' || *end != '\0' || n < 1 || n > BENCH_MAX) {
		fprintf(stderr, "crmctl: N must be 1 to %d\n", BENCH_MAX);
		return -1;
	}
	if (keys_open() == -1 || (now = db_now(db, a)) == -1 ||
	    (nowners = db_sellers(db, a, &owners)) < 0 ||
	    (first = db_int_query(db, a, sql_customer_max, -1, "")) < 0 ||
	    (contacts = db_int_query(db, a, sql_contact_max, -1, "")) < 0)
		return -1;
	if (nowners == 0) {
		fprintf(stderr, "crmctl: no active sales reps or directors "
		    "to own customers: run seed-demo first\n");
		return -1;
	}
	first++;
	if (first + n - 1 > BENCH_MAX) {
		fprintf(stderr, "crmctl: ids beyond %d would break the "
		    "code format\n", BENCH_MAX);
		return -1;
	}
	if (bench_fields_make(db, a) == -1 ||
	    bench_open(out, a, argv[1], 0, TSV_N) == -1)
		return -1;
	gen_init(&g, SEED_BENCH ^ (uint64_t)first, now, owners,
	    (size_t)nowners, &bench_profile);
	g.mobiles = contacts;
	batch = arena_new();
	for (id = first; id < first + n && rc == 0; id++) {
		arena_reset(batch);
		gen_customer(&g, batch, &c);
		snprintf(code, sizeof(code), "CRMB%07lld", id);
		rc = bench_write(out, batch, id, code, &c, &contacts);
	}
	arena_free(batch);
	if (bench_close(out) == -1 || rc == -1)
		return -1;
	printf("customer ids %lld-%lld\n", first, first + n - 1);
	for (i = 0; i < TSV_N; i++)
		printf("%-20s %lld rows\n", tsv_names[i], out[i].rows);
	return 0;
}

/*
 * The benchmark's custom values of every customer already stored, as
 * customer_custom.tsv in dir: for a load made before custom fields.
 */
static int
cmd_gen_bench_custom(struct db *db, struct arena *a, char **argv)
{
	struct tsv	 out[TSV_N];
	struct dbq	 q;
	long long	 after = 0, n;
	int		 rc = 0;

	if (bench_fields_make(db, a) == -1 ||
	    bench_open(out, a, argv[0], TSV_CUSTOM, TSV_CUSTOM + 1) == -1)
		return -1;
	do {
		n = 0;
		if (db_prepare(&q, db, a, sql_customer_ids) == -1) {
			rc = -1;
			break;
		}
		db_bind_int(&q, 0, after);
		db_bind_int(&q, 1, CUSTOM_BATCH);
		while (db_step(&q) == DB_ROW) {
			after = db_int(&q, 0);
			bench_custom(&out[TSV_CUSTOM], after);
			n++;
		}
		if (db_finish(&q) == DB_ERROR)
			rc = -1;
	} while (rc == 0 && n == CUSTOM_BATCH);
	if (bench_close(out) == -1 || rc == -1)
		return -1;
	printf("%-20s %lld rows\n", tsv_names[TSV_CUSTOM],
	    out[TSV_CUSTOM].rows);
	return 0;
}

/* ------------------------------------------------------------ reindex */

/* A customer as reindex reads it. */
struct named {
	long long	 id;
	const char	*name;
};

/* Up to REINDEX_BATCH customers after id after, locked; how many, or -1. */
static long long
reindex_read(struct db *db, struct arena *a, long long after,
    struct named *out)
{
	struct dbq	 q;
	long long	 n = 0;
	enum db_rc	 rc = DB_DONE;

	if (db_prepare(&q, db, a, sql_reindex_batch) == -1)
		return -1;
	db_bind_int(&q, 0, after);
	db_bind_int(&q, 1, REINDEX_BATCH);
	while (n < REINDEX_BATCH && (rc = db_step(&q)) == DB_ROW) {
		out[n].id = db_int(&q, 0);
		out[n].name = db_str(&q, 1);
		n++;
	}
	if (db_finish(&q) != 0 || rc == DB_ERROR)
		return -1;
	return n;
}

/*
 * In one transaction, replace the token rows of the customers after id
 * *after with fresh ones, and move *after on. The customers done (0 at
 * the end), or -1.
 */
static long long
reindex_batch(struct db *db, struct arena *a, long long *after)
{
	struct named	 rows[REINDEX_BATCH];
	long long	 n, i;

	if (db_begin(db) == -1)
		return -1;
	if ((n = reindex_read(db, a, *after, rows)) == -1)
		goto fail;
	for (i = 0; i < n; i++)
		if (search_index(db, a, rows[i].id, rows[i].name) == -1)
			goto fail;
	if (db_commit(db) == -1)
		return -1;
	if (n > 0)
		*after = rows[n - 1].id;
	return n;
fail:
	db_rollback(db);
	return -1;
}

/* Idempotent: the same rows however often it runs. */
static int
cmd_reindex(struct db *db, struct arena *a, char **argv)
{
	struct arena	*batch;
	long long	 after = 0, customers = 0, n;

	(void)a;
	(void)argv;
	batch = arena_new();
	do {
		arena_reset(batch);
		if ((n = reindex_batch(db, batch, &after)) > 0)
			customers += n;
	} while (n > 0);
	arena_free(batch);
	if (n == -1) {
		fprintf(stderr, "crmctl: reindex failed after customer id "
		    "%lld (those before are done); run it again\n", after);
		return -1;
	}
	printf("reindexed %lld customers\n", customers);
	return 0;
}

/* ------------------------------------------------------------ reports */

/* All or nothing: a failure leaves the summaries as they were. */
static int
cmd_report_rebuild(struct db *db, struct arena *a, char **argv)
{
	(void)argv;
	if (db_ready(db) == -1 || db_begin(db) == -1)
		return -1;
	if (report_sum_rebuild(db, a) == -1 || db_commit(db) == -1) {
		db_rollback(db);
		fprintf(stderr, "crmctl: report-rebuild failed; the summaries "
		    "are as they were\n");
		return -1;
	}
	printf("report summaries rebuilt from %lld opportunities\n",
	    db_int_query(db, a, sql_report_count, 0, ""));
	return 0;
}

/* ------------------------------------------------------------ bench */

/* The statement costs nothing to run: what is left is the round trip. */
static const char sql_round_trip[] = "SELECT 1";

static int
cmd_round_trips(struct db *db, struct arena *a, char **argv)
{
	char		*end;
	long long	 n, i;

	n = strtoll(argv[0], &end, 10);
	if (*argv[0] == '\0' || *end != '\0' || n < 1) {
		fprintf(stderr, "crmctl: N must be a positive number\n");
		return -1;
	}
	if (db_ready(db) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		arena_reset(a);
		if (db_int_query(db, a, sql_round_trip, -1, "") != 1)
			return -1;
	}
	printf("%lld round trips\n", n);
	return 0;
}

/* ------------------------------------------------------------ keys */

static int
cmd_key_add(struct db *db, struct arena *a, char **argv)
{
	(void)db;
	(void)a;
	(void)argv;
	if (keys_open() == -1 || fieldcrypt_add_key(config.key_file) == -1)
		return -1;
	printf("added key version %d to %s\n", fieldcrypt_current_version(),
	    config.key_file);
	return 0;
}

/* A sealed value as key-reseal reads it. */
struct stale {
	long long		 id;
	const unsigned char	*value;
	size_t			 len;
};

/*
 * Up to RESEAL_BATCH values of c after id after that are not sealed under
 * the current key, locked; how many, or -1.
 */
static long long
reseal_read(struct db *db, struct arena *a, const struct sealed_def *c,
    long long after, struct stale *out)
{
	struct dbq	 q;
	long long	 n = 0;
	enum db_rc	 rc = DB_DONE;

	if (db_prepare(&q, db, a, c->sql_stale) == -1)
		return -1;
	db_bind_int(&q, 0, after);
	db_bind_text(&q, 1, fieldcrypt_current_prefix(a));
	db_bind_int(&q, 2, RESEAL_BATCH);
	while (n < RESEAL_BATCH && (rc = db_step(&q)) == DB_ROW) {
		out[n].id = db_int(&q, 0);
		out[n].value = db_blob(&q, 1, &out[n].len);
		n++;
	}
	if (db_finish(&q) != 0 || rc == DB_ERROR)
		return -1;
	return n;
}

/*
 * Seal a stale value under the current key: open and seal again, or seal
 * plaintext stored before its column was sealed (sql/008_sealed.sql).
 */
static int
reseal_value(struct arena *a, const struct sealed_def *c,
    const struct stale *s, unsigned char **out, size_t *outlen)
{
	if (sealed_is_legacy(s->value, s->len))
		return fieldcrypt_seal(a, c->table, c->column, s->id,
		    (const char *)s->value, s->len, out, outlen);
	return fieldcrypt_reseal(a, c->table, c->column, s->id, s->value,
	    s->len, out, outlen);
}

/*
 * In one transaction, seal the next stale values of c after id *after
 * under the current key, and move *after on. The values done (0 at the
 * end), or -1.
 */
static long long
reseal_batch(struct db *db, struct arena *a, const struct sealed_def *c,
    long long *after)
{
	struct stale	 rows[RESEAL_BATCH];
	struct dbq	 q;
	unsigned char	*v;
	size_t		 len;
	long long	 n, i;

	if (db_begin(db) == -1)
		return -1;
	if ((n = reseal_read(db, a, c, *after, rows)) == -1)
		goto fail;
	for (i = 0; i < n; i++) {
		if (reseal_value(a, c, &rows[i], &v, &len) == -1) {
			fprintf(stderr, "crmctl: %s.%s of %s %lld does not "
			    "open: it was changed, or its key is not in the key "
			    "file\n", c->table, c->column, c->id,
			    rows[i].id);
			goto fail;
		}
		if (db_prepare(&q, db, a, c->sql_update) == -1)
			goto fail;
		db_bind_blob(&q, 0, v, len);
		db_bind_int(&q, 1, rows[i].id);
		if (db_run(&q) == -1)
			goto fail;
	}
	if (db_commit(db) == -1)
		return -1;
	if (n > 0)
		*after = rows[n - 1].id;
	return n;
fail:
	db_rollback(db);
	return -1;
}

/*
 * Pass over c until a pass finds nothing left: a worker that sealed with
 * the old key just before the new one was added may commit behind a pass,
 * and the next one finds its value. The values resealed, or -1.
 */
static long long
reseal_column(struct db *db, const struct sealed_def *c)
{
	struct arena	*batch;
	long long	 after, n, pass, total = 0;

	batch = arena_new();
	do {
		after = 0;
		pass = 0;
		do {
			arena_reset(batch);
			if ((n = reseal_batch(db, batch, c, &after)) > 0)
				pass += n;
		} while (n > 0);
		total += pass;
	} while (n == 0 && pass > 0);
	arena_free(batch);
	return n == -1 ? -1 : total;
}

static int
cmd_key_reseal(struct db *db, struct arena *a, char **argv)
{
	const struct sealed_def	*c;
	long long		 n;

	(void)a;
	(void)argv;
	if (keys_open() == -1)
		return -1;
	for (c = sealed_columns; c < sealed_columns + SEALED__MAX; c++) {
		if ((n = reseal_column(db, c)) == -1) {
			fprintf(stderr, "crmctl: key-reseal stopped in %s.%s; "
			    "what it did is kept: run key-reseal again\n",
			    c->table, c->column);
			return -1;
		}
		printf("%s.%s: %lld values resealed under key version %d\n",
		    c->table, c->column, n, fieldcrypt_current_version());
	}
	return 0;
}

/* The database first: a key added for nothing still has to be kept. */
static int
cmd_key_rotate(struct db *db, struct arena *a, char **argv)
{
	if (db_ready(db) == -1) {
		fprintf(stderr, "crmctl: no database connection; no key "
		    "added\n");
		return -1;
	}
	if (cmd_key_add(db, a, argv) == -1)
		return -1;
	return cmd_key_reseal(db, a, argv);
}

/* ------------------------------------------------------------ main */

static const struct command {
	const char	*name;
	int		 nargs;
	int		(*run)(struct db *, struct arena *, char **);
} commands[] = {
	{ "seed-demo", 0, cmd_seed_demo },
	{ "demo-logins", 0, cmd_demo_logins },
	{ "gen-bench", 2, cmd_gen_bench },
	{ "gen-bench-custom", 1, cmd_gen_bench_custom },
	{ "reindex", 0, cmd_reindex },
	{ "key-add", 0, cmd_key_add },
	{ "key-reseal", 0, cmd_key_reseal },
	{ "key-rotate", 0, cmd_key_rotate },
	{ "report-rebuild", 0, cmd_report_rebuild },
	{ "round-trips", 1, cmd_round_trips },
};

static void __attribute__((noreturn))
usage(void)
{
	fprintf(stderr, "usage: crmctl --config FILE seed-demo\n"
	    "       crmctl --config FILE demo-logins\n"
	    "       crmctl --config FILE gen-bench N DIR\n"
	    "       crmctl --config FILE gen-bench-custom DIR\n"
	    "       crmctl --config FILE reindex\n"
	    "       crmctl --config FILE key-add\n"
	    "       crmctl --config FILE key-reseal\n"
	    "       crmctl --config FILE key-rotate\n"
	    "       crmctl --config FILE report-rebuild\n"
	    "       crmctl --config FILE round-trips N\n");
	exit(1);
}

int
main(int argc, char *argv[])
{
	static const struct option	 opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command		*cmd = NULL;
	const char			*conf = NULL;
	struct arena			*a;
	struct db			*db;
	size_t				 i;
	int				 ch, rc;

	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1)
		if (ch == 'c')
			conf = optarg;
		else
			usage();
	argc -= optind;
	argv += optind;
	if (conf == NULL || argc < 1)
		usage();
	for (i = 0; i < NITEMS(commands); i++)
		if (strcmp(argv[0], commands[i].name) == 0)
			cmd = &commands[i];
	if (cmd == NULL || argc - 1 != cmd->nargs)
		usage();
	if (config_load(conf) == -1 || config_apply_time_zone() == -1)
		return 1;
	/* Without log_open, database errors go to stderr, where we want them. */
	db = db_open();
	a = arena_new();
	rc = cmd->run(db, a, argv + 1);
	arena_free(a);
	db_close(db);
	return rc == 0 ? 0 : 1;
}

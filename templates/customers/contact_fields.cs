<?cs # A contact's fields: the key contact of a new customer and added ones. ?>
<?cs call:field_input("contact_name", L.contact.name, "text", 1) ?>
<?cs call:field_input("contact_title", L.contact.title, "text", 0) ?>
<?cs call:field_input("contact_mobile", L.contact.mobile, "tel", 1) ?>
<?cs call:field_input("contact_email", L.contact.email, "email", 0) ?>
<?cs call:field_textarea("contact_preferences", L.contact.preferences, 0) ?>

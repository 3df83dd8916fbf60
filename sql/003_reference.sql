-- 003_reference.sql: the roles of SPEC 1 with their default grants, and the
-- choice lists of SPEC 2.1. Admins change both later; this is the start.

INSERT INTO role (code, name_en, name_zh) VALUES
	('sales_rep',		'Sales rep',		'销售代表'),
	('sales_director',	'Sales director',	'销售总监'),
	('service_agent',	'Service agent',	'客服专员'),
	('service_supervisor',	'Service supervisor',	'客服主管'),
	('marketing',		'Marketing',		'市场人员'),
	('product_manager',	'Product manager',	'产品经理'),
	('management',		'Management',		'管理层'),
	('admin',		'System admin',		'系统管理员');

-- Scopes: 1 own, 2 team, 3 all. A missing row means no access.
CREATE TEMPORARY TABLE grant_seed (
	role_code	VARCHAR(32),
	record_type	VARCHAR(32),
	action		VARCHAR(16),
	scope		TINYINT
);
INSERT INTO grant_seed VALUES
	('sales_rep', 'customer', 'view', 1), ('sales_rep', 'customer', 'create', 1),
	('sales_rep', 'customer', 'edit', 1),
	('sales_rep', 'contact', 'view', 1), ('sales_rep', 'contact', 'create', 1),
	('sales_rep', 'contact', 'edit', 1), ('sales_rep', 'contact', 'delete', 1),
	('sales_rep', 'followup', 'view', 1), ('sales_rep', 'followup', 'create', 1),
	('sales_rep', 'followup', 'edit', 1),
	('sales_rep', 'order', 'view', 1), ('sales_rep', 'order', 'create', 1),

	('sales_director', 'customer', 'view', 2), ('sales_director', 'customer', 'create', 2),
	('sales_director', 'customer', 'edit', 2), ('sales_director', 'customer', 'delete', 2),
	('sales_director', 'customer', 'export', 2), ('sales_director', 'customer', 'assign', 2),
	('sales_director', 'contact', 'view', 2), ('sales_director', 'contact', 'create', 2),
	('sales_director', 'contact', 'edit', 2), ('sales_director', 'contact', 'delete', 2),
	('sales_director', 'followup', 'view', 2), ('sales_director', 'followup', 'create', 2),
	('sales_director', 'followup', 'edit', 2),
	('sales_director', 'order', 'view', 2), ('sales_director', 'order', 'create', 2),
	('sales_director', 'order', 'delete', 2),

	('service_agent', 'customer', 'view', 3), ('service_agent', 'contact', 'view', 3),
	('service_agent', 'followup', 'view', 3), ('service_agent', 'followup', 'create', 3),
	('service_supervisor', 'customer', 'view', 3), ('service_supervisor', 'contact', 'view', 3),
	('service_supervisor', 'followup', 'view', 3), ('service_supervisor', 'followup', 'create', 3),
	('service_supervisor', 'order', 'view', 3),

	('marketing', 'customer', 'view', 3), ('marketing', 'customer', 'export', 3),
	('marketing', 'contact', 'view', 3), ('marketing', 'order', 'view', 3),
	('product_manager', 'customer', 'view', 3), ('product_manager', 'contact', 'view', 3),
	('product_manager', 'followup', 'view', 3),
	('management', 'customer', 'view', 3), ('management', 'customer', 'export', 3),
	('management', 'contact', 'view', 3), ('management', 'followup', 'view', 3),
	('management', 'order', 'view', 3),

	('admin', 'customer', 'view', 3), ('admin', 'customer', 'create', 3),
	('admin', 'customer', 'edit', 3), ('admin', 'customer', 'delete', 3),
	('admin', 'customer', 'export', 3), ('admin', 'customer', 'assign', 3),
	('admin', 'contact', 'view', 3), ('admin', 'contact', 'create', 3),
	('admin', 'contact', 'edit', 3), ('admin', 'contact', 'delete', 3),
	('admin', 'followup', 'view', 3), ('admin', 'followup', 'create', 3),
	('admin', 'followup', 'edit', 3),
	('admin', 'order', 'view', 3), ('admin', 'order', 'create', 3),
	('admin', 'order', 'delete', 3),
	('admin', 'user', 'view', 3), ('admin', 'user', 'create', 3),
	('admin', 'user', 'edit', 3), ('admin', 'user', 'delete', 3);

INSERT INTO role_permission (role_id, record_type, action, scope)
SELECT r.id, g.record_type, g.action, g.scope
FROM grant_seed g JOIN role r ON r.code = g.role_code;
DROP TEMPORARY TABLE grant_seed;

INSERT INTO choice (list, code, label_en, label_zh, sort) VALUES
	('industry', 'manufacturing', 'Manufacturing', '制造业', 10),
	('industry', 'retail', 'Retail', '零售业', 20),
	('industry', 'it_services', 'IT services', 'IT服务', 30),
	('industry', 'healthcare', 'Healthcare', '医疗健康', 40),
	('industry', 'finance', 'Finance', '金融', 50),
	('industry', 'education', 'Education', '教育', 60),
	('industry', 'logistics', 'Logistics', '物流', 70),
	('industry', 'energy', 'Energy', '能源', 80),
	('grade', 'strategic', 'Strategic', '战略客户', 10),
	('grade', 'key', 'Key', '重点客户', 20),
	('grade', 'normal', 'Normal', '普通客户', 30),
	('grade', 'potential', 'Potential', '潜在客户', 40),
	('followup_method', 'phone', 'Phone call', '电话拜访', 10),
	('followup_method', 'visit', 'On-site visit', '上门拜访', 20),
	('followup_method', 'email', 'Email', '邮件', 30),
	('followup_method', 'meeting', 'Meeting', '会议', 40),
	('next_action', 'send_materials', 'Send materials', '发送资料', 10),
	('next_action', 'demo', 'Arrange demo', '安排演示', 20),
	('next_action', 'quote', 'Quote', '报价', 30),
	('next_action', 'contract', 'Sign contract', '合同签订', 40),
	('product', 'crm_suite', 'CRM suite', 'CRM套件', 10),
	('product', 'erp', 'ERP system', 'ERP系统', 20),
	('product', 'cloud_hosting', 'Cloud hosting', '云托管', 30),
	('product', 'consulting', 'Consulting', '咨询服务', 40),
	('product', 'training', 'Training', '培训', 50),
	('product', 'support', 'Support contract', '技术支持合同', 60),
	('budget', 'lt100k', '< 100k CNY', '10万以下', 10),
	('budget', '100k_300k', '100k–300k CNY', '10万–30万', 20),
	('budget', '300k_500k', '300k–500k CNY', '30万–50万', 30),
	('budget', 'gt500k', '> 500k CNY', '50万以上', 40),
	('satisfaction', '5', 'Very satisfied', '非常满意', 10),
	('satisfaction', '4', 'Satisfied', '满意', 20),
	('satisfaction', '3', 'Neutral', '一般', 30),
	('satisfaction', '2', 'Dissatisfied', '不满意', 40),
	('satisfaction', '1', 'Very dissatisfied', '非常不满意', 50);

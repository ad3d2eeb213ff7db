<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <source>无法启动</source>
        <translation>Cannot start</translation>
    </message>
    <message>
        <source>设置中的证书文件无法使用：%1
设置文件：%2</source>
        <translation>The certificate files in the settings cannot be used: %1
Settings file: %2</translation>
    </message>
    <message>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>证书文件 (*.crt *.pem *.key);;所有文件 (*)</source>
        <translation>Certificate files (*.crt *.pem *.key);;All files (*)</translation>
    </message>
    <message>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
</context>
<context>
    <name>form_field</name>
    <message>
        <source>家庭住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>开户银行</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>银行账号</source>
        <translation>Bank account</translation>
    </message>
    <message>
        <source>识别标准</source>
        <translation>Identification standard</translation>
    </message>
    <message>
        <source>贫困户属性</source>
        <translation>Kind of poor household</translation>
    </message>
    <message>
        <source>主要致贫原因</source>
        <translation>Main cause of poverty</translation>
    </message>
    <message>
        <source>其他致贫原因（一）</source>
        <translation>Other cause of poverty (1)</translation>
    </message>
    <message>
        <source>其他致贫原因（二）</source>
        <translation>Other cause of poverty (2)</translation>
    </message>
    <message>
        <source>军烈属</source>
        <translation>Military or martyr&apos;s family</translation>
    </message>
    <message>
        <source>独生子女户</source>
        <translation>Only-child family</translation>
    </message>
    <message>
        <source>双女户</source>
        <translation>Two-daughter family</translation>
    </message>
    <message>
        <source>全国户编号</source>
        <translation>National household number</translation>
    </message>
    <message>
        <source>收入年度</source>
        <translation>Income year</translation>
    </message>
    <message>
        <source>工资性收入（元）</source>
        <translation>Wages (yuan)</translation>
    </message>
    <message>
        <source>生产经营性收入（元）</source>
        <translation>Production and business income (yuan)</translation>
    </message>
    <message>
        <source>生产经营性支出（元）</source>
        <translation>Production and business expenses (yuan)</translation>
    </message>
    <message>
        <source>财产性收入（元）</source>
        <translation>Property income (yuan)</translation>
    </message>
    <message>
        <source>计划生育金（元）</source>
        <translation>Family planning payments (yuan)</translation>
    </message>
    <message>
        <source>低保金（元）</source>
        <translation>Minimum living allowance (yuan)</translation>
    </message>
    <message>
        <source>特困供养金（元）</source>
        <translation>Extreme poverty support (yuan)</translation>
    </message>
    <message>
        <source>养老金（元）</source>
        <translation>Pension (yuan)</translation>
    </message>
    <message>
        <source>生态补偿金（元）</source>
        <translation>Ecological compensation (yuan)</translation>
    </message>
    <message>
        <source>其他转移性收入（元）</source>
        <translation>Other transfers (yuan)</translation>
    </message>
    <message>
        <source>赡养性收入（元）</source>
        <translation>Support from relatives (yuan)</translation>
    </message>
    <message>
        <source>耕地（亩）</source>
        <translation>Cultivated land (mu)</translation>
    </message>
    <message>
        <source>流转地（亩）</source>
        <translation>Land transferred (mu)</translation>
    </message>
    <message>
        <source>撂荒地（亩）</source>
        <translation>Abandoned land (mu)</translation>
    </message>
    <message>
        <source>有效灌溉面积（亩）</source>
        <translation>Irrigated land (mu)</translation>
    </message>
    <message>
        <source>林地（亩）</source>
        <translation>Forest land (mu)</translation>
    </message>
    <message>
        <source>退耕还林（亩）</source>
        <translation>Land returned to forest (mu)</translation>
    </message>
    <message>
        <source>林果（亩）</source>
        <translation>Orchards (mu)</translation>
    </message>
    <message>
        <source>牧草地（亩）</source>
        <translation>Pasture (mu)</translation>
    </message>
    <message>
        <source>水面（亩）</source>
        <translation>Water surface (mu)</translation>
    </message>
    <message>
        <source>住房状况</source>
        <translation>Housing</translation>
    </message>
    <message>
        <source>危房等级</source>
        <translation>Dilapidation grade</translation>
    </message>
    <message>
        <source>住房面积（平方米）</source>
        <translation>Floor area (m²)</translation>
    </message>
    <message>
        <source>饮水困难</source>
        <translation>Difficult drinking water</translation>
    </message>
    <message>
        <source>饮水安全</source>
        <translation>Safe drinking water</translation>
    </message>
    <message>
        <source>不愁吃</source>
        <translation>Enough food</translation>
    </message>
    <message>
        <source>不愁穿</source>
        <translation>Enough clothing</translation>
    </message>
    <message>
        <source>生活用电</source>
        <translation>Household electricity</translation>
    </message>
    <message>
        <source>生产用电</source>
        <translation>Electricity for production</translation>
    </message>
    <message>
        <source>入户路类型</source>
        <translation>Road to the house</translation>
    </message>
    <message>
        <source>与村主干路距离（公里）</source>
        <translation>Distance to the village&apos;s main road (km)</translation>
    </message>
    <message>
        <source>主要燃料类型</source>
        <translation>Main fuel</translation>
    </message>
    <message>
        <source>卫生厕所</source>
        <translation>Sanitary toilet</translation>
    </message>
    <message>
        <source>加入农民专业合作社</source>
        <translation>Member of a farmers&apos; cooperative</translation>
    </message>
    <message>
        <source>消费水平</source>
        <translation>Consumption level</translation>
    </message>
    <message>
        <source>资产估值（元）</source>
        <translation>Assets (yuan)</translation>
    </message>
    <message>
        <source>资产说明</source>
        <translation>Assets note</translation>
    </message>
    <message>
        <source>子女残疾的老人（三优先）</source>
        <translation>Elderly with disabled children (priority)</translation>
    </message>
    <message>
        <source>独生子女户的老人（三优先）</source>
        <translation>Elderly parents of an only child (priority)</translation>
    </message>
    <message>
        <source>纯女户的老人（三优先）</source>
        <translation>Elderly in a daughters-only family (priority)</translation>
    </message>
    <message>
        <source>拒不流转而撂荒土地（三不评）</source>
        <translation>Land abandoned, refusing transfer (excluded)</translation>
    </message>
    <message>
        <source>违反计划生育政策（三不评）</source>
        <translation>Family planning violation (excluded)</translation>
    </message>
    <message>
        <source>赌博、吸毒或其他违法犯罪（三不评）</source>
        <translation>Gambling, drugs or other crime (excluded)</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>与户主关系</source>
        <translation>Relation to head</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>政治面貌</source>
        <translation>Political status</translation>
    </message>
    <message>
        <source>文化程度</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>在校生状况</source>
        <translation>Schooling</translation>
    </message>
    <message>
        <source>未在校原因</source>
        <translation>Reason out of school</translation>
    </message>
    <message>
        <source>健康状况</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>残疾等级</source>
        <translation>Disability grade</translation>
    </message>
    <message>
        <source>残疾类别</source>
        <translation>Disability category</translation>
    </message>
    <message>
        <source>残疾证号</source>
        <translation>Disability certificate</translation>
    </message>
    <message>
        <source>劳动技能</source>
        <translation>Labour capacity</translation>
    </message>
    <message>
        <source>务工状况</source>
        <translation>Work status</translation>
    </message>
    <message>
        <source>务工地点</source>
        <translation>Work location</translation>
    </message>
    <message>
        <source>务工时间（月）</source>
        <translation>Months of migrant work</translation>
    </message>
    <message>
        <source>务工收入（元）</source>
        <translation>Migrant work income (yuan)</translation>
    </message>
    <message>
        <source>城乡居民医保</source>
        <translation>Medical insurance</translation>
    </message>
    <message>
        <source>城乡居民养老保险</source>
        <translation>Pension insurance</translation>
    </message>
    <message>
        <source>大病保险</source>
        <translation>Serious illness insurance</translation>
    </message>
    <message>
        <source>基本情况</source>
        <translation>Basics</translation>
    </message>
    <message>
        <source>收入情况</source>
        <translation>Income</translation>
    </message>
    <message>
        <source>生产生活条件</source>
        <translation>Living conditions</translation>
    </message>
    <message>
        <source>识别</source>
        <translation>Identification</translation>
    </message>
</context>
<context>
    <name>fupin::desktop::appraisal_dialog</name>
    <message>
        <source>村民代表民主评议 — %1 %2年度</source>
        <translation>Village appraisal — %1, %2</translation>
    </message>
    <message>
        <source>系统按“五比五看”给出建议排序（三优先在前，人均纯收入低者在前）。请录入评议小组、会议日期，以及每户的评议排序和表决票数。</source>
        <translation>The system proposes a ranking by the five comparisons (priorities first, then the lowest per-capita income). Enter the panel, the meeting&apos;s date, and each household&apos;s rank and votes.</translation>
    </message>
    <message>
        <source>评议日期</source>
        <translation>Meeting date</translation>
    </message>
    <message>
        <source>评议小组</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>建议排序</source>
        <translation>Proposed rank</translation>
    </message>
    <message>
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>人均纯收入（元）</source>
        <translation>Per-capita net income (yuan)</translation>
    </message>
    <message>
        <source>三优先</source>
        <translation>Priorities</translation>
    </message>
    <message>
        <source>评议排序</source>
        <translation>Panel&apos;s rank</translation>
    </message>
    <message>
        <source>赞成</source>
        <translation>For</translation>
    </message>
    <message>
        <source>反对</source>
        <translation>Against</translation>
    </message>
    <message>
        <source>弃权</source>
        <translation>Abstaining</translation>
    </message>
    <message>
        <source>正在读取系统建议排序…</source>
        <translation>Reading the proposed ranking…</translation>
    </message>
    <message>
        <source>记录评议结果</source>
        <translation>Record the appraisal</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>本村本年度没有等待评议的案件。</source>
        <translation>No case of this village waits for the appraisal this year.</translation>
    </message>
    <message>
        <source>评议日期不能晚于今天。</source>
        <translation>The meeting cannot be after today.</translation>
    </message>
    <message>
        <source>正在记录…</source>
        <translation>Recording…</translation>
    </message>
</context>
<context>
    <name>fupin::desktop::assistance_panel</name>
    <message>
        <source>措施年度</source>
        <translation>Measures of</translation>
    </message>
    <message>
        <source>记录走访…</source>
        <translation>Record a visit…</translation>
    </message>
    <message>
        <source>帮扶责任人</source>
        <translation>Helpers</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>结对时间</source>
        <translation>Paired on</translation>
    </message>
    <message>
        <source>帮扶措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>责任人</source>
        <translation>Helper</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>资金（元）</source>
        <translation>Funds (yuan)</translation>
    </message>
    <message>
        <source>起止日期</source>
        <translation>From — to</translation>
    </message>
    <message>
        <source>走访记录</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>走访人</source>
        <translation>Visited by</translation>
    </message>
    <message>
        <source>帮扶内容</source>
        <translation>What was done</translation>
    </message>
    <message>
        <source>户情况</source>
        <translation>Situation found</translation>
    </message>
    <message>
        <source>后续安排</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>正在载入…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>（未指定）</source>
        <translation>(none named)</translation>
    </message>
    <message>
        <source>（督查）</source>
        <translation>(supervisor&apos;s check)</translation>
    </message>
    <message>
        <source>尚未结对帮扶责任人。</source>
        <translation>No helper is paired yet.</translation>
    </message>
    <message>
        <source>帮扶责任人 %1 人，本年度措施 %2 项，走访 %3 次。</source>
        <translation>%1 helpers, %2 measures this year, %3 visits.</translation>
    </message>
    <message>
        <source>正在记录走访…</source>
        <translation>Recording the visit…</translation>
    </message>
    <message>
        <source>已记录走访。</source>
        <translation>Visit recorded.</translation>
    </message>
</context>
<context>
    <name>fupin::desktop::case_queue</name>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>案件</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>当前状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>人均纯收入（元）</source>
        <translation>Per-capita net income (yuan)</translation>
    </message>
    <message>
        <source>您的角色在识别和退出程序中没有待办。</source>
        <translation>Your role takes no step in identification or exit.</translation>
    </message>
    <message>
        <source>正在载入…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>（有 %1 件异议待答复）</source>
        <translation> (%1 objections to answer)</translation>
    </message>
    <message>
        <source>没有等待您办理的案件。</source>
        <translation>No case waits for you.</translation>
    </message>
    <message>
        <source>等待您办理的案件：%1 件</source>
        <translation>Cases waiting for you: %1</translation>
    </message>
    <message>
        <source>发布公示</source>
        <translation>Publish the posting</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>不予通过</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Send back</translation>
    </message>
    <message>
        <source>请填写理由（将记入案件历史并通知相关人员）：</source>
        <translation>The reason (it goes into the case&apos;s history and to those concerned):</translation>
    </message>
    <message>
        <source>正在办理…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>已发布公示（%1 户），公示期至 %2。</source>
        <translation>Posting published (%1 households), running through %2.</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>已记录民主评议结果（%1 户）。</source>
        <translation>Appraisal recorded (%1 households).</translation>
    </message>
    <message>
        <source>案件 %1 已办理：%2。</source>
        <translation>Case %1 done: %2.</translation>
    </message>
</context>
<context>
    <name>fupin::desktop::document_dialog</name>
    <message>
        <source>正在从县级服务器取得文档…</source>
        <translation>Fetching the document from the county server…</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>县级服务器发来的文档无法读取。</source>
        <translation>The document the county server sent cannot be read.</translation>
    </message>
    <message>
        <source>共 %1 页（这里显示前 %2 页，打印和保存的是全部）。</source>
        <translation>%1 pages (the first %2 shown here; all are printed and saved).</translation>
    </message>
    <message>
        <source>共 %1 页。</source>
        <translation>%1 pages.</translation>
    </message>
    <message>
        <source>打印 — %1</source>
        <translation>Print — %1</translation>
    </message>
    <message>
        <source>已送打印机：%1</source>
        <translation>Sent to the printer: %1</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 文档 (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>已保存：%1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>无法写入 %1</source>
        <translation>Cannot write %1</translation>
    </message>
    <message>
        <source>无法打印到 %1。</source>
        <translation>Could not print to %1.</translation>
    </message>
</context>
<context>
    <name>fupin::desktop::exit_step_dialog</name>
    <message>
        <source>脱贫退出民主评议 — %1</source>
        <translation>Exit vote — %1</translation>
    </message>
    <message>
        <source>贫困户签字认可 — %1</source>
        <translation>Household&apos;s acknowledgement — %1</translation>
    </message>
    <message>
        <source>评议日期</source>
        <translation>Meeting date</translation>
    </message>
    <message>
        <source>评议小组</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>赞成</source>
        <translation>For</translation>
    </message>
    <message>
        <source>反对</source>
        <translation>Against</translation>
    </message>
    <message>
        <source>弃权</source>
        <translation>Abstaining</translation>
    </message>
    <message>
        <source>签字日期</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>签字人</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <source>见证人</source>
        <translation>Witness</translation>
    </message>
    <message>
        <source>办理</source>
        <translation>Take the step</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>日期不能晚于今天。</source>
        <translation>The date cannot be after today.</translation>
    </message>
</context>
<context>
    <name>fupin::desktop::household_form</name>
    <message>
        <source>新建农户档案</source>
        <translation>New household file</translation>
    </message>
    <message>
        <source>农户档案 — %1</source>
        <translation>Household file — %1</translation>
    </message>
    <message>
        <source>所在村民小组</source>
        <translation>Villagers&apos; group</translation>
    </message>
    <message>
        <source>人均纯收入</source>
        <translation>Per-capita net income</translation>
    </message>
    <message>
        <source>家庭成员</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>打印户卡…</source>
        <translation>Print the card…</translation>
    </message>
    <message>
        <source>户卡 — %1</source>
        <translation>Household card — %1</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>添加成员</source>
        <translation>Add a member</translation>
    </message>
    <message>
        <source>删除所选成员</source>
        <translation>Remove the selected member</translation>
    </message>
    <message>
        <source>%1：金额应为元，最多两位小数，如 2300 或 2300.50</source>
        <translation>%1: an amount is in yuan with at most two decimals, such as 2300 or 2300.50</translation>
    </message>
    <message>
        <source>第%1位家庭成员的%2：金额应为元，最多两位小数，如 2300 或 2300.50</source>
        <translation>Member %1, %2: an amount is in yuan with at most two decimals, such as 2300 or 2300.50</translation>
    </message>
    <message>
        <source>%1 元（%2 人，年度 %3）</source>
        <translation>%1 yuan (%2 people, year %3)</translation>
    </message>
    <message>
        <source>可以保存。</source>
        <translation>Ready to save.</translation>
    </message>
    <message>
        <source>还有 %1 处需要修改。</source>
        <translation>%1 things to correct.</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>已保存（第 %1 版）。</source>
        <translation>Saved (version %1).</translation>
    </message>
    <message>
        <source>保存前此户已被他人修改，本次修改尚未保存。正在读取他人的修改…</source>
        <translation>Someone else changed this file before you saved; your changes are not saved yet. Reading their change…</translation>
    </message>
    <message>
        <source>保存前此户已被他人修改，本次修改未保存；读取他人的修改失败：%1</source>
        <translation>Someone else changed this file before you saved, and your changes are not saved; their change could not be read: %1</translation>
    </message>
    <message>
        <source>放弃尚未保存的修改？</source>
        <translation>Discard the changes not saved?</translation>
    </message>
    <message>
        <source>帮扶</source>
        <translation>Assistance</translation>
    </message>
    <message>
        <source>户卡-%1.pdf</source>
        <translation>household-card-%1.pdf</translation>
    </message>
    <message>
        <source>审核说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>如：入户核实，务工收入稳定（可不填）</source>
        <translation>e.g. visited at home, wages steady (optional)</translation>
    </message>
    <message>
        <source>上半年</source>
        <translation>first half</translation>
    </message>
    <message>
        <source>下半年</source>
        <translation>second half</translation>
    </message>
    <message>
        <source>半年审核录入 — %1（%2年%3）</source>
        <translation>Half-yearly review entry — %1 (%2, %3)</translation>
    </message>
    <message>
        <source>录入审核</source>
        <translation>Enter for the review</translation>
    </message>
    <message>
        <source>正在录入…</source>
        <translation>Entering…</translation>
    </message>
    <message>
        <source>可以录入审核。</source>
        <translation>Ready to enter for the review.</translation>
    </message>
    <message>
        <source>%1年%2审核调整（%3截止）：收入年度为 %1 年。请按本次入户核实的情况填写收入，核对家庭成员和生产生活条件，然后点“录入审核”。</source>
        <translation>Review of %1, %2 (due %3): the income year is %1. Type the income as verified at this visit, check the members and living conditions, then click Enter for the review.</translation>
    </message>
    <message>
        <source>登录已过期。重新登录后再点“%1”，填写的内容都还在。</source>
        <translation>The session expired. Log in again, then click %1; everything typed is still here.</translation>
    </message>
    <message>
        <source>已合并他人的修改（第 %1 版）。请检查后再点“%2”。</source>
        <translation>Merged with the other change (version %1). Check the form, then click %2.</translation>
    </message>
    <message>
        <source>未合并：您填写的内容都还在，但“%1”会再次被拒绝。可随时再点“%1”重新比较。</source>
        <translation>Not merged: everything you typed is still here, but %1 will be refused again. Click %1 at any time to compare again.</translation>
    </message>
</context>
<context>
    <name>fupin::desktop::household_list_model</name>
    <message>
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>人口</source>
        <translation>People</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>组</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>主要致贫原因</source>
        <translation>Main cause of poverty</translation>
    </message>
    <message>
        <source>人均纯收入（元）</source>
        <translation>Per-capita net income (yuan)</translation>
    </message>
    <message>
        <source>更新时间</source>
        <translation>Updated</translation>
    </message>
</context>
<context>
    <name>fupin::desktop::household_list_page</name>
    <message>
        <source>全部村</source>
        <translation>All villages</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>Any status</translation>
    </message>
    <message>
        <source>全部致贫原因</source>
        <translation>Any cause</translation>
    </message>
    <message>
        <source>姓名或身份证号</source>
        <translation>Name or ID number</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>新建农户</source>
        <translation>New household</translation>
    </message>
    <message>
        <source>载入失败：%1</source>
        <translation>Could not load: %1</translation>
    </message>
    <message>
        <source>已载入 %1 户，向下滚动载入更多</source>
        <translation>%1 households loaded; scroll down for more</translation>
    </message>
    <message>
        <source>共 %1 户</source>
        <translation>%1 households</translation>
    </message>
    <message>
        <source>正在载入…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>打印村册…</source>
        <translation>Print the village register…</translation>
    </message>
    <message>
        <source>打印乡镇簿…</source>
        <translation>Print the township book…</translation>
    </message>
    <message>
        <source>乡镇簿 — %1</source>
        <translation>Township book — %1</translation>
    </message>
    <message>
        <source>村册 — %1</source>
        <translation>Village register — %1</translation>
    </message>
    <message>
        <source>；另有 %1 户档案在别处有变化，点“查询”刷新列表。</source>
        <translation>; %1 more files changed elsewhere, click Search to bring the list up to date.</translation>
    </message>
    <message>
        <source>%1-乡镇簿.pdf</source>
        <translation>%1-township-book.pdf</translation>
    </message>
    <message>
        <source>%1-村册.pdf</source>
        <translation>%1-village-register.pdf</translation>
    </message>
</context>
<context>
    <name>fupin::desktop::identification_panel</name>
    <message>
        <source>识别条件预审</source>
        <translation>Identification check</translation>
    </message>
    <message>
        <source>正在读取扶贫标准…</source>
        <translation>Reading the poverty line…</translation>
    </message>
    <message>
        <source>申请识别…</source>
        <translation>Apply for identification…</translation>
    </message>
    <message>
        <source>保存后可提交识别申请</source>
        <translation>Save the file to apply for identification</translation>
    </message>
    <message>
        <source>无法读取扶贫标准：%1</source>
        <translation>Cannot read the poverty line: %1</translation>
    </message>
    <message>
        <source>%1年度的扶贫标准尚未设定，暂不能预审。请县级管理员先设定扶贫标准。</source>
        <translation>The poverty line of %1 is not set, so the file cannot be checked yet. The county administrator sets it.</translation>
    </message>
    <message>
        <source>正在读取县级服务器的判断…</source>
        <translation>Reading the county server&apos;s verdict…</translation>
    </message>
    <message>
        <source>申请识别</source>
        <translation>Apply for identification</translation>
    </message>
    <message>
        <source>提交%1年度的识别申请？可填写申请说明：</source>
        <translation>Apply for identification in %1? A note may be added:</translation>
    </message>
    <message>
        <source>规则判断不符合条件，仍可提交申请，由评议和审核决定。提交%1年度的识别申请？可填写申请说明：</source>
        <translation>By the rules the household does not qualify; it may still apply, and the appraisal and review decide. Apply for identification in %1? A note may be added:</translation>
    </message>
    <message>
        <source>已提交识别申请（案件 %1，%2）。</source>
        <translation>Applied for identification (case %1, %2).</translation>
    </message>
</context>
<context>
    <name>fupin::desktop::live_panel</name>
    <message>
        <source>尚未连接</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <source>连接中断，%1 秒后重连</source>
        <translation>Disconnected; reconnecting in %1 s</translation>
    </message>
    <message>
        <source>正在连接…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>● 在线：本区域的变化实时显示在下方</source>
        <translation>● Online: changes in your area appear below as they happen</translation>
    </message>
    <message>
        <source>○ 离线：%1</source>
        <translation>○ Offline: %1</translation>
    </message>
</context>
<context>
    <name>fupin::desktop::login_dialog</name>
    <message>
        <source>登录 — 扶贫对象建档立卡</source>
        <translation>Log in — Poverty Registration Archive</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请输入用户名和密码。</source>
        <translation>Enter your user name and password.</translation>
    </message>
    <message>
        <source>正在登录…</source>
        <translation>Logging in…</translation>
    </message>
</context>
<context>
    <name>fupin::desktop::main_window</name>
    <message>
        <source>扶贫对象建档立卡 — %1</source>
        <translation>Poverty Registration Archive — %1</translation>
    </message>
    <message>
        <source>农户档案</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>待办</source>
        <translation>Waiting for me</translation>
    </message>
    <message>
        <source>公示</source>
        <translation>Postings</translation>
    </message>
    <message>
        <source>人员查询</source>
        <translation>Person lookup</translation>
    </message>
    <message>
        <source>实时动态</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>新建农户</source>
        <translation>New household</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>待办（%1）</source>
        <translation>Waiting for me (%1)</translation>
    </message>
    <message>
        <source>实时动态（%1）</source>
        <translation>Live (%1)</translation>
    </message>
    <message>
        <source>%1（%2）  登录有效期至 %3</source>
        <translation>%1 (%2)  session valid until %3</translation>
    </message>
    <message>
        <source>登录已过期或已在别处退出，请重新输入密码。正在填写的内容不会丢失。</source>
        <translation>The session expired or was ended elsewhere. Enter your password again; nothing being typed is lost.</translation>
    </message>
    <message>
        <source>正在打开…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <source>已保存：%1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>三到户三到人</source>
        <translation>Assistance coverage</translation>
    </message>
    <message>
        <source>已录入半年审核：%1，%2%3</source>
        <translation>Entered for the half-yearly review: %1, %2%3</translation>
    </message>
    <message>
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>fupin::desktop::merge_dialog</name>
    <message>
        <source>合并修改 — %1</source>
        <translation>Merge changes — %1</translation>
    </message>
    <message>
        <source>您保存之前，此户已被他人修改并保存（现为第 %1 版）。下表是双方不同的地方：只有一方改过的，已预选改动的一方；双方都改过的 %2 项以红色标出，请逐项选定。确定后请检查表单，再点“保存”。</source>
        <translation>Someone else changed and saved this file before you (it is now version %1). The table shows where the two differ: an item only one side changed is preset to that side; the %2 items both changed are in red, choose each. Then check the form and click Save.</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>他人保存的</source>
        <translation>Saved by the other</translation>
    </message>
    <message>
        <source>我填写的</source>
        <translation>Typed by me</translation>
    </message>
    <message>
        <source>采用</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>双方都改过此项</source>
        <translation>Both changed this item</translation>
    </message>
    <message>
        <source>合并到表单</source>
        <translation>Merge into the form</translation>
    </message>
    <message>
        <source>暂不合并</source>
        <translation>Not now</translation>
    </message>
</context>
<context>
    <name>fupin::desktop::objection_answer_dialog</name>
    <message>
        <source>答复异议</source>
        <translation>Answer the objection</translation>
    </message>
    <message>
        <source>异议不成立</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <source>异议成立</source>
        <translation>Upheld</translation>
    </message>
    <message>
        <source>不予通过</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>退回重新办理</source>
        <translation>Send back to be done again</translation>
    </message>
    <message>
        <source>核实结果</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>异议成立时</source>
        <translation>If upheld</translation>
    </message>
    <message>
        <source>答复内容</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>答复</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>fupin::desktop::objection_dialog</name>
    <message>
        <source>登记异议 — %1</source>
        <translation>Record an objection — %1</translation>
    </message>
    <message>
        <source>异议人姓名</source>
        <translation>Objector&apos;s name</translation>
    </message>
    <message>
        <source>联系方式（可不填）</source>
        <translation>Contact (optional)</translation>
    </message>
    <message>
        <source>异议理由</source>
        <translation>Grounds</translation>
    </message>
    <message>
        <source>提出日期</source>
        <translation>Raised on</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>fupin::desktop::pairing_dialog</name>
    <message>
        <source>结对帮扶 — %1</source>
        <translation>Pair a helper — %1</translation>
    </message>
    <message>
        <source>建档立卡贫困户结对帮扶</source>
        <translation>Helper for a registered poor household</translation>
    </message>
    <message>
        <source>帮扶责任人</source>
        <translation>Helper</translation>
    </message>
    <message>
        <source>结对理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>正在读取帮扶责任人…</source>
        <translation>Reading the helpers…</translation>
    </message>
    <message>
        <source>结对</source>
        <translation>Pair</translation>
    </message>
    <message>
        <source>%1 — %2 %3（%4，已结对 %5 户）</source>
        <translation>%1 — %2 %3 (%4, %5 households now)</translation>
    </message>
    <message>
        <source>县里还没有在岗的帮扶责任人：请县扶贫办先登记。</source>
        <translation>The county has no active helper yet: the county poverty office registers them first.</translation>
    </message>
    <message>
        <source>请从列表中选择帮扶责任人。</source>
        <translation>Choose a helper from the list.</translation>
    </message>
    <message>
        <source>请填写结对理由。</source>
        <translation>Give the reason for the pairing.</translation>
    </message>
    <message>
        <source>正在结对…</source>
        <translation>Pairing…</translation>
    </message>
</context>
<context>
    <name>fupin::desktop::pairing_queue</name>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>户编号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <source>结对…</source>
        <translation>Pair…</translation>
    </message>
    <message>
        <source>正在载入…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>每户都有帮扶责任人。</source>
        <translation>Every household has a helper.</translation>
    </message>
    <message>
        <source>尚无帮扶责任人的农户 %1 户，列出前 %2 户。</source>
        <translation>%1 households without a helper; the first %2 listed.</translation>
    </message>
    <message>
        <source>尚无帮扶责任人的农户 %1 户。</source>
        <translation>%1 households without a helper.</translation>
    </message>
    <message>
        <source>%1 已与 %2 结对。</source>
        <translation>%1 is now paired with %2.</translation>
    </message>
</context>
<context>
    <name>fupin::desktop::panel_editor</name>
    <message>
        <source>评议小组成员，每行一人（9至15人）</source>
        <translation>The panel, one name per line (9 to 15 people)</translation>
    </message>
</context>
<context>
    <name>fupin::desktop::person_lookup_page</name>
    <message>
        <source>按身份证号查询此人是否已在全县建档。本乡镇的档案显示全文；其他乡镇的只显示公示榜上可见的内容。每次查询都记入审计日志。</source>
        <translation>Is this person in a household file anywhere in the county? Your own area&apos;s file is shown whole; another township&apos;s only as a public posting shows it. Every lookup is recorded in the audit trail.</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>18位身份证号</source>
        <translation>18-character ID number</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>打开档案</source>
        <translation>Open the file</translation>
    </message>
    <message>
        <source>正在查询…</source>
        <translation>Looking up…</translation>
    </message>
</context>
<context>
    <name>fupin::desktop::postings_page</name>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>公示</source>
        <translation>Postings</translation>
    </message>
    <message>
        <source>发布日期</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>公示期至</source>
        <translation>Runs through</translation>
    </message>
    <message>
        <source>剩余</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>组</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>人口</source>
        <translation>People</translation>
    </message>
    <message>
        <source>人均纯收入（元）</source>
        <translation>Per-capita net income (yuan)</translation>
    </message>
    <message>
        <source>主要致贫原因</source>
        <translation>Main cause of poverty</translation>
    </message>
    <message>
        <source>评议排序</source>
        <translation>Panel&apos;s rank</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>异议人</source>
        <translation>Objector</translation>
    </message>
    <message>
        <source>提出日期</source>
        <translation>Raised on</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Grounds</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>答复</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>登记异议…</source>
        <translation>Record an objection…</translation>
    </message>
    <message>
        <source>答复异议…</source>
        <translation>Answer the objection…</translation>
    </message>
    <message>
        <source>打印公示榜…</source>
        <translation>Print the posting…</translation>
    </message>
    <message>
        <source>正在载入…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>还剩 %1 天</source>
        <translation>%1 days left</translation>
    </message>
    <message>
        <source>已期满</source>
        <translation>Over</translation>
    </message>
    <message>
        <source>本年度还没有公示。</source>
        <translation>No posting this year yet.</translation>
    </message>
    <message>
        <source>本年度公示 %1 次。</source>
        <translation>%1 postings this year.</translation>
    </message>
    <message>
        <source>公示期内才能登记异议</source>
        <translation>Objections are recorded while the posting runs</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>正在登记异议…</source>
        <translation>Recording the objection…</translation>
    </message>
    <message>
        <source>已登记异议（编号 %1）。</source>
        <translation>Objection recorded (id %1).</translation>
    </message>
    <message>
        <source>正在答复…</source>
        <translation>Answering…</translation>
    </message>
    <message>
        <source>异议 %1 已答复：%2。</source>
        <translation>Objection %1 answered: %2.</translation>
    </message>
</context>
<context>
    <name>fupin::desktop::review_queue</name>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>开轮时人数</source>
        <translation>Size at opening</translation>
    </message>
    <message>
        <source>开轮时人均纯收入（元）</source>
        <translation>Per-capita income at opening (yuan)</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>录入…</source>
        <translation>Enter…</translation>
    </message>
    <message>
        <source>正在载入…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>未录入</source>
        <translation>Not entered</translation>
    </message>
    <message>
        <source>：%1</source>
        <translation>: %1</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>目前没有半年审核轮次。</source>
        <translation>No half-yearly review round is open.</translation>
    </message>
    <message>
        <source>%1年%2审核调整，%3截止</source>
        <translation>Review of %1, %2, due %3</translation>
    </message>
    <message>
        <source>上半年</source>
        <translation>first half</translation>
    </message>
    <message>
        <source>下半年</source>
        <translation>second half</translation>
    </message>
    <message>
        <source>%1：没有待核实的疑点户。</source>
        <translation>%1: no flagged household to look into.</translation>
    </message>
    <message>
        <source>%1：本村农户已全部录入。</source>
        <translation>%1: every household of the village is entered.</translation>
    </message>
    <message>
        <source>%1：尚未录入 %2 户。</source>
        <translation>%1: %2 households not entered yet.</translation>
    </message>
    <message>
        <source>%1：疑点户 %2 户，请入户核实后重新录入（村里不能再录入）。</source>
        <translation>%1: %2 flagged households: visit them and enter them again (their villages may not).</translation>
    </message>
</context>
<context>
    <name>fupin::desktop::sandaohu_page</name>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>规划到户</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>项目到户</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>资金到户</source>
        <translation>Funds</translation>
    </message>
    <message>
        <source>责任到人</source>
        <translation>Helper</translation>
    </message>
    <message>
        <source>项目到人</source>
        <translation>Helper per measure</translation>
    </message>
    <message>
        <source>联系到人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>区域</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>已建档户</source>
        <translation>Registered households</translation>
    </message>
    <message>
        <source>六项齐全</source>
        <translation>All six</translation>
    </message>
    <message>
        <source>尚有缺项的农户（双击打开档案）</source>
        <translation>Households still lacking (double-click to open the file)</translation>
    </message>
    <message>
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>✓</source>
        <translation>✓</translation>
    </message>
    <message>
        <source>缺</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>缺项农户 %1 户，列出前 %2 户。走访自 %3 起计入联系到人。</source>
        <translation>%1 households lack something; the first %2 are listed. Visits from %3 count as contact.</translation>
    </message>
    <message>
        <source>缺项农户 %1 户。走访自 %2 起计入联系到人。</source>
        <translation>%1 households lack something. Visits from %2 count as contact.</translation>
    </message>
</context>
<context>
    <name>fupin::desktop::settings_dialog</name>
    <message>
        <source>连接设置</source>
        <translation>Connection settings</translation>
    </message>
    <message>
        <source>请填写县扶贫办提供的服务器地址和本单位的证书文件。设置保存在 %1，与命令行客户端共用。</source>
        <translation>Enter the server&apos;s address the county office gave you and your office&apos;s certificate files. The settings are kept in %1, shared with the command-line client.</translation>
    </message>
    <message>
        <source>例如 county.example.cn:8443</source>
        <translation>such as county.example.cn:8443</translation>
    </message>
    <message>
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>县级根证书</source>
        <translation>County CA certificate</translation>
    </message>
    <message>
        <source>本单位证书</source>
        <translation>Office certificate</translation>
    </message>
    <message>
        <source>本单位私钥</source>
        <translation>Office private key</translation>
    </message>
    <message>
        <source>检查</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>本单位证书中没有唯一的单位代码（OU），请向县扶贫办确认证书。</source>
        <translation>The office certificate has no single office code (OU); ask the county office about the certificate.</translation>
    </message>
    <message>
        <source>设置不完整或证书无法读取：%1</source>
        <translation>The settings are incomplete or a certificate cannot be read: %1</translation>
    </message>
    <message>
        <source>正在连接 %1 …</source>
        <translation>Connecting to %1 …</translation>
    </message>
    <message>
        <source>证书文件无法使用：%1</source>
        <translation>The certificate files cannot be used: %1</translation>
    </message>
    <message>
        <source>连接正常：服务器可达，证书互相信任。本证书属于单位 %1。</source>
        <translation>Connected: the server answers and the certificates trust each other. This certificate is office %1&apos;s.</translation>
    </message>
    <message>
        <source>无法保存设置：%1</source>
        <translation>Cannot save the settings: %1</translation>
    </message>
</context>
<context>
    <name>fupin::desktop::visit_dialog</name>
    <message>
        <source>记录走访</source>
        <translation>Record a visit</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>（督查，不是帮扶责任人）</source>
        <translation>(a supervisor&apos;s check, not a helper)</translation>
    </message>
    <message>
        <source>走访人</source>
        <translation>Visited by</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>走访日期</source>
        <translation>Visited on</translation>
    </message>
    <message>
        <source>帮扶内容</source>
        <translation>What was done</translation>
    </message>
    <message>
        <source>户情况</source>
        <translation>Situation found</translation>
    </message>
    <message>
        <source>后续安排</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>走访日期不能晚于今天。</source>
        <translation>The visit cannot be after today.</translation>
    </message>
</context>
<context>
    <name>fupin::desktop::work_queue_page</name>
    <message>
        <source>案件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>半年审核</source>
        <translation>Half-yearly review</translation>
    </message>
    <message>
        <source>结对帮扶</source>
        <translation>Pairing</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>household_merge</name>
    <message>
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>no</translation>
    </message>
    <message>
        <source>（未选）</source>
        <translation>(none chosen)</translation>
    </message>
    <message>
        <source>所在村民小组</source>
        <translation>Villagers&apos; group</translation>
    </message>
    <message>
        <source>家庭成员</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>其他致贫原因</source>
        <translation>Other causes of poverty</translation>
    </message>
</context>
</TS>

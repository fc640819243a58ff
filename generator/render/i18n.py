"""Interface strings: one table per language. A test fails when a key lacks a language."""

from __future__ import annotations

LANGS = ("zh", "en")
HTML_LANG = {"zh": "zh-Hans", "en": "en"}

STRINGS: dict[str, dict[str, str]] = {
    "home": {"zh": "首页", "en": "Home"},
    "chapters": {"zh": "政策领域", "en": "Policy areas"},
    "chapter": {"zh": "第{n}章", "en": "Chapter {n}"},
    "clause": {"zh": "第{n}条", "en": "Clause {n}"},
    "clauses": {"zh": "条款", "en": "Clauses"},
    "clause_range": {"zh": "第{a}–{b}条", "en": "Clauses {a}–{b}"},
    "units": {"zh": "责任单位", "en": "Responsible units"},
    "unit": {"zh": "单位", "en": "Unit"},
    "unit_kind": {"zh": "类型", "en": "Type"},
    "aliases": {"zh": "文件中的其他写法", "en": "Also written in the document as"},
    "budget": {"zh": "预算", "en": "Budget"},
    "incentives": {"zh": "奖励与补助", "en": "Incentives"},
    "targets": {"zh": "目标任务", "en": "Targets"},
    "data": {"zh": "开放数据", "en": "Open data"},
    "metadata": {"zh": "文件信息", "en": "Document details"},
    "validity_banner": {
        "zh": "本政策除标明具体实施期限外,{year}年全年实施有效。本手册依据已公开发布的文件整理,"
              "以原文为准。",
        "en": "Unless a clause states its own period, these policies are in force for the whole "
              "of {year}. This handbook is compiled from the published notice; the published "
              "Chinese text is authoritative.",
    },
    "original_notice": {"zh": "查看原文({issuer}网站)",
                        "en": "Read the published notice ({issuer} website)"},
    "lead_units": {"zh": "牵头单位", "en": "Lead units"},
    "responsible_units": {"zh": "责任单位", "en": "Responsible units"},
    "intro": {"zh": "概述", "en": "Overview"},
    "text": {"zh": "条款原文", "en": "Text"},
    "show_original": {"zh": "查看中文原文", "en": "Show the Chinese original"},
    "what": {"zh": "事项", "en": "What"},
    "who": {"zh": "对象", "en": "Who"},
    "amount": {"zh": "金额 / 比例 / 上限 / 门槛", "en": "Amount / rate / cap / threshold"},
    "conditions": {"zh": "条件", "en": "Conditions"},
    "quote": {"zh": "原文依据", "en": "Source text"},
    "indicator": {"zh": "指标", "en": "Indicator"},
    "value": {"zh": "数值", "en": "Value"},
    "item": {"zh": "项目", "en": "Item"},
    "source": {"zh": "资金来源", "en": "Source of funds"},
    "src_city": {"zh": "市本级", "en": "Municipal"},
    "src_higher": {"zh": "上级争取", "en": "Higher-level"},
    "src_total": {"zh": "合计", "en": "Total"},
    "within": {"zh": "其中", "en": "of which"},
    "overlaps": {"zh": "与{ref}重复列出", "en": "also listed as {ref}"},
    "previous": {"zh": "上一条", "en": "Previous"},
    "next": {"zh": "下一条", "en": "Next"},
    "edit_clause": {"zh": "编辑本条数据", "en": "Edit this clause's data"},
    "edit_page": {"zh": "编辑本页数据", "en": "Edit this page's data"},
    "calculators_for_clause": {"zh": "相关计算器", "en": "Calculators for this clause"},
    "no_incentives": {"zh": "本条未列出奖励或补助。", "en": "This clause lists no incentive."},
    "no_targets": {"zh": "本条未列出量化目标。", "en": "This clause sets no quantitative target."},
    "not_stated": {"zh": "文件未写明金额", "en": "Amount not stated"},
    "up_to": {"zh": "最高{x}", "en": "up to {x}"},
    "cap": {"zh": "上限{x}", "en": "capped at {x}"},
    "of_base": {"zh": "{base}的{rate}", "en": "{rate} of {base}"},
    "cmp_at_least": {"zh": "不少于", "en": "at least"},
    "cmp_exactly": {"zh": "", "en": ""},
    "cmp_at_most": {"zh": "不超过", "en": "at most"},
    "cmp_range": {"zh": "", "en": ""},
    "budget_total": {"zh": "文件所述总额", "en": "Total stated by the document"},
    "reconciliation": {"zh": "预算核对", "en": "Budget reconciliation"},
    "rec_city": {"zh": "各章市本级数字之和", "en": "Sum of the chapters' municipal figures"},
    "rec_higher": {"zh": "各章上级资金之和", "en": "Sum of the chapters' higher-level funds"},
    "rec_overlap": {"zh": "重复列出(只计一次)", "en": "Listed twice (counted once)"},
    "rec_city_net": {"zh": "市本级合计(扣除重复)", "en": "Municipal total, overlap removed"},
    "rec_all_net": {"zh": "含上级资金合计(扣除重复)",
                    "en": "Total with higher-level funds, overlap removed"},
    "rec_difference": {"zh": "文件总额与市本级合计之差",
                       "en": "Stated total minus municipal total"},
    "chart_title": {"zh": "各领域{year}年预算安排", "en": "{year} budget by policy area"},
    "chart_desc": {"zh": "条形图,数据同下表。", "en": "Bar chart; the table below gives the "
                   "same figures."},
    "chapter_budget": {"zh": "预算", "en": "Budget"},
    "filter": {"zh": "筛选", "en": "Filter"},
    "filter_placeholder": {"zh": "输入关键词筛选,如 高新技术",
                           "en": "Type to filter, e.g. high-tech"},
    "sort_hint": {"zh": "点击表头可排序。", "en": "Select a column heading to sort."},
    "downloads": {"zh": "下载", "en": "Downloads"},
    "pdf": {"zh": "PDF 手册", "en": "PDF handbook"},
    "licence": {"zh": "许可", "en": "Licence"},
    "about": {
        "zh": "本手册把{issuer}《{title}{subtitle}》整理为可检索的条款、责任单位、奖励补助、"
              "目标任务和预算表。",
        "en": "This handbook sets out the {issuer}'s {title} {subtitle} as searchable clauses, "
              "responsible units, incentives, targets and budget tables, in Chinese and English.",
    },
    "translation_note": {
        "zh": "英文为本项目所译,仅供参考。",
        "en": "The English translation is the project's own and is for reference only; the "
              "Chinese text prevails.",
    },
    "kind_government": {"zh": "人民政府", "en": "Government"},
    "kind_government_office": {"zh": "政府办公室", "en": "Government office"},
    "kind_bureau": {"zh": "政府部门", "en": "Government bureau"},
    "kind_party_organ": {"zh": "党委部门", "en": "Party organ"},
    "kind_vertical_agency": {"zh": "垂直管理部门", "en": "Vertically managed agency"},
    "kind_public_institution": {"zh": "事业单位", "en": "Public institution"},
    "kind_peoples_organization": {"zh": "人民团体", "en": "People's organization"},
    "kind_state_owned_company": {"zh": "国有企业", "en": "State-owned company"},
    "kind_zone": {"zh": "开发区", "en": "Development zone"},
    "chapters_led": {"zh": "牵头的政策领域", "en": "Policy areas it leads"},
    "clauses_responsible": {"zh": "负责的条款", "en": "Clauses it is responsible for"},
    "none": {"zh": "无", "en": "None"},
    "all_units": {"zh": "全部单位", "en": "All units"},
    "clause_count": {"zh": "条款数", "en": "Clauses"},
    "file": {"zh": "文件", "en": "File"},
    "contents": {"zh": "目录", "en": "Contents"},
    "format": {"zh": "格式", "en": "Format"},
    "data_intro": {
        "zh": "以下数据文件由手册的同一份结构化数据生成,与网站和PDF一致。CSV 文件为带 BOM 的 "
              "UTF-8 编码,可直接用 Excel 打开。",
        "en": "These files are generated from the same structured data as the site and the PDF. "
              "CSV files are UTF-8 with a byte-order mark, so Excel opens the Chinese correctly.",
    },
    "licence_text": {
        "zh": "政策原文为{issuer}公开发布的政府文件;本项目整理的结构化数据和英文译文以 "
              "CC BY 4.0 许可发布,使用时请注明来源。",
        "en": "The policy text is a public government document of the {issuer}. The "
              "structured data and English translation compiled by this project are released "
              "under CC BY 4.0; please credit the source.",
    },
    "file_policy_json": {"zh": "完整数据模型(文件信息、章、条款、单位、奖励、目标、预算)",
                         "en": "The whole model (document, chapters, clauses, units, incentives, "
                         "targets, budgets)"},
    "file_clauses_csv": {"zh": "每条一行:编号、章、标题、原文、英文、责任单位",
                         "en": "One row per clause: number, chapter, title, text, English, units"},
    "file_incentives_csv": {"zh": "每项奖励或补助一行", "en": "One row per incentive"},
    "file_targets_csv": {"zh": "每项量化目标一行", "en": "One row per quantitative target"},
    "file_budget_csv": {"zh": "每个预算数字一行,含细项和来源",
                        "en": "One row per budget figure, with breakdown and source"},
    "targets_by_unit": {"zh": "按责任单位分组", "en": "Grouped by responsible unit"},
    "chapter_targets": {"zh": "领域总体目标", "en": "Area-wide targets"},
    "edition": {"zh": "版本", "en": "Edition"},
    "data_date": {"zh": "数据日期", "en": "Data as of"},
    "notice": {"zh": "通知", "en": "Notice"},
    "closing": {"zh": "附则", "en": "Closing provisions"},
    "glossary": {"zh": "术语表", "en": "Glossary"},
    "page": {"zh": "页码", "en": "page"},
    "calculators": {"zh": "计算器", "en": "Calculators"},
    "calculators_intro": {"zh": "按文件条款计算可获得的奖励和补助,并列出计算过程和依据。",
                          "en": "Work out the rewards and subsidies the clauses provide, with "
                          "each step and the clause it rests on."},
    "finder": {"zh": "政策匹配", "en": "Benefit finder"},
    "calc_submit": {"zh": "计算", "en": "Calculate"},
    "calc_choose": {"zh": "请选择", "en": "Choose"},
    "calc_noscript": {"zh": "计算器需要启用 JavaScript。可按下列条款原文自行计算。",
                      "en": "The calculator needs JavaScript. The clauses below give the rules."},
    "calc_result": {"zh": "计算结果", "en": "Result"},
    "calc_unchecked": {"zh": "计算器未核查的条件(结果不构成承诺)",
                       "en": "Conditions the calculator does not check (the result is not a "
                       "guarantee)"},
    "calc_rules": {"zh": "计算依据", "en": "Rules used"},
    "calc_optional": {"zh": "选填", "en": "optional"},
    "finder_intro": {"zh": "勾选符合您情况的选项,列出可能适用的条款、最高金额和受理单位。",
                     "en": "Tick what applies to you to list the clauses that may apply, the "
                     "most you could receive and the unit to contact."},
    "finder_who": {"zh": "您是", "en": "You are"},
    "finder_enterprise": {"zh": "企业", "en": "An enterprise"},
    "finder_resident": {"zh": "居民", "en": "A resident"},
    "finder_have": {"zh": "有{x}", "en": "Has {x}"},
    "finder_none": {"zh": "请勾选至少一项。", "en": "Tick at least one item."},
    "finder_found": {"zh": "可能适用的条款", "en": "Clauses that may apply"},
    "finder_open_calc": {"zh": "打开计算器", "en": "Open the calculator"},
    "finder_rule": {"zh": "同一事项与其他政策重叠时,按“从优、就高、不重复”的原则执行(见附则)。",
                    "en": "Where benefits overlap with other policies, the most favourable, "
                    "highest applies, with no double benefit (see the closing provisions)."},
    "contact": {"zh": "受理单位", "en": "Contact"},
    "whats_new": {"zh": "最近更新", "en": "What's new"},
    "whats_new_intro": {"zh": "手册数据的更正、说明、实施细则和译文修订,最新的在前。订阅:",
                        "en": "Corrections, clarifications, implementation rules and translation "
                        "changes to the handbook's data, newest first. Subscribe:"},
    "feed": {"zh": "Atom 订阅源", "en": "Atom feed"},
    "history": {"zh": "修订记录", "en": "History"},
    "last_changed": {"zh": "数据最后更新:{date}", "en": "Data last changed: {date}"},
    "whole_document": {"zh": "全文", "en": "Whole document"},
    "kind_correction": {"zh": "更正", "en": "Correction"},
    "kind_clarification": {"zh": "说明", "en": "Clarification"},
    "kind_implementation_rule": {"zh": "实施细则", "en": "Implementation rule"},
    "kind_translation": {"zh": "译文", "en": "Translation"},
    "kind_typo": {"zh": "文字订正", "en": "Typo fix"},
    "kind_amendment": {"zh": "修订", "en": "Amendment"},
    "amended": {"zh": "修订", "en": "Amended"},
    "amended_by_erratum": {"zh": "经{number}({date})勘误", "en": "Corrected by {number} on {date}"},
    "amended_by_revision": {"zh": "经{number}({date})修订", "en": "Amended by {number} on {date}"},
    "amended_was": {"zh": "原为", "en": "Was"},
    "amended_now": {"zh": ",现为", "en": ", now"},
    "amended_original": {"zh": "查看公布时的原文",
                         "en": "Show the clause as first published (Chinese)"},
    "editors_guide": {"zh": "编辑指南", "en": "Editors' guide"},
}


def t(key: str, lang: str, **kwargs: object) -> str:
    text = STRINGS[key][lang]
    return text.format(**kwargs) if kwargs else text


# Messages of the calculator UI (calculators/ui.js), with {placeholders} it fills in.
CALC_MESSAGES: dict[str, dict[str, str]] = {
    "err_required": {"zh": "请填写或选择此项。", "en": "Please fill in or choose this."},
    "err_negative": {"zh": "不能为负数。", "en": "It cannot be negative."},
    "err_not_a_number": {"zh": "请输入数字,如 8000 或 8,000。",
                         "en": "Enter a number, such as 8000 or 8,000."},
    "err_too_many_decimals": {"zh": "金额最多两位小数。", "en": "At most two decimal places."},
    "err_too_large": {"zh": "数额过大,请检查。", "en": "This amount is too large; check it."},
    "err_not_an_option": {"zh": "请从给出的选项中选择。", "en": "Choose one of the options."},
    "eligible": {"zh": "符合条件", "en": "Eligible"},
    "not_eligible": {"zh": "不符合条件", "en": "Not eligible"},
    "invalid": {"zh": "请先更正输入", "en": "Please correct the input"},
    "reason_not_covered": {"zh": "不在补贴范围内:{label}须为{values}。",
                           "en": "Not covered: {label} must be {values}."},
    "reason_threshold": {"zh": "不符合门槛:{of}须{value}{boundary}。",
                         "en": "Below the threshold: {of} must be {value} ({boundary})."},
    "reason_nothing_selected": {"zh": "请至少选择一项认定或填写一项金额。",
                                "en": "Choose a recognition or enter an amount."},
    "total": {"zh": "合计", "en": "Total"},
    "amount_exact": {"zh": "{x}", "en": "{x}"},
    "amount_range": {"zh": "{a}至{b}", "en": "{a} to {b}"},
    "amount_up_to": {"zh": "最高{x}", "en": "up to {x}"},
    "step_rate": {"zh": "{label} {base} × {rate} = {value}",
                  "en": "{label} {base} × {rate} = {value}"},
    "step_rate_range": {"zh": "{label} {base} × {rmin}–{rmax} = {min}–{max}"
                               "(文件未写明适用哪一比例)",
                        "en": "{label} {base} × {rmin}–{rmax} = {min}–{max} (the text does not say "
                        "which rate applies)"},
    "step_cap": {"zh": "≤ 上限 {cap} → {result}", "en": "≤ cap {cap} → {result}"},
    "step_fixed": {"zh": "一次性 {x}", "en": "one-off {x}"},
    "step_up_to": {"zh": "文件只写明最高 {x},具体金额以审核为准",
                   "en": "the text gives only a ceiling of {x}; the actual amount is decided on "
                   "review"},
    "step_threshold": {"zh": "{of} {input}:{boundary}{value} ✓", "en": "{of} {input}: {value} "
                       "({boundary}) ✓"},
    "step_threshold_fail": {"zh": "{of} {input}:不满足{value}{boundary}",
                            "en": "{of} {input}: does not meet {value} ({boundary})"},
    "inclusive": {"zh": "含本数", "en": "inclusive"},
    "exclusive": {"zh": "不含本数", "en": "exclusive"},
    "clause": {"zh": "第{n}条", "en": "clause {n}"},
    "apply_to": {"zh": "受理单位", "en": "Apply to"},
    "yuan": {"zh": "{x}元", "en": "CNY {x}"},
    "or": {"zh": "或", "en": " or "},
}


def missing_strings() -> list[str]:
    """Interface strings that lack a language (tested)."""
    may_be_empty = {"cmp_exactly", "cmp_range"}  # no comparison word for an exact value
    return [k for k, v in STRINGS.items()
            if set(v) != {"zh", "en"} or (not all(v.values()) and k not in may_be_empty)]

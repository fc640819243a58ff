"""Interface strings: one table per language. A test fails when a key lacks a language."""

from __future__ import annotations

from collections.abc import Callable

LANGS = ("zh", "en")
HTML_LANG = {"zh": "zh-Hans", "en": "en"}
# Punctuation the templates put between an interface string and what follows it: full-width
# in Chinese (责任单位：市商务局), half-width with its spaces in English.
PUNCTUATION = {"zh": {":": "：", "(": "（", ")": "）", ";": "；", ",": "，"},
               "en": {":": ": ", "(": " (", ")": ")", ";": "; ", ",": ", "}}


def punct(lang: str) -> Callable[[str], str]:
    table = PUNCTUATION[lang]
    return lambda mark: table[mark]

STRINGS: dict[str, dict[str, str]] = {
    "home": {"zh": "首页", "en": "Home"},
    "chapters": {"zh": "政策领域", "en": "Policy areas"},
    "chapter": {"zh": "第{n}章", "en": "Chapter {n}"},
    "clause": {"zh": "第{n}条", "en": "Clause {n}"},
    "clauses": {"zh": "条款", "en": "Clauses"},
    "clause_identifier": {"zh": "{number}第{n}条", "en": "{number}, clause {n}"},
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
    "compiled_from": {"zh": "本手册依据已公开发布的文件整理，以原文为准。",
                      "en": "This handbook is compiled from the published notice; the "
                      "published Chinese text is authoritative."},
    "period": {"zh": "实施期 {start} 至 {end}", "en": "In force from {start} to {end}"},
    "period_open": {"zh": "自 {start} 起实施", "en": "In force from {start}"},
    "period_unstated": {"zh": "文件未载明实施期限", "en": "The text states no period in force"},
    "status": {"zh": "状态", "en": "Status"},
    "status_in_force": {"zh": "有效", "en": "In force"},
    "status_not_yet": {"zh": "尚未实施", "en": "Not yet in force"},
    "status_expired": {"zh": "已到期", "en": "Expired"},
    "status_superseded": {"zh": "已被替代", "en": "Superseded"},
    "status_unstated": {"zh": "实施期限未载明", "en": "Period in force not stated"},
    "admin_title": {"zh": "网页编辑器", "en": "Web editor"},
    "admin_text": {"zh": "在这里修改数据（单位的联系方式、英文标题、修订记录等），"
                         "每次保存都会成为一个拉取请求，经过与其他修改相同的检查和预览。"
                         "政策原文固定的内容（条款原文、金额、比例）只能查看，不能修改。",
                   "en": "Change the data here (a unit's contact, an English title, an "
                         "amendment): every save becomes a pull request, with the same checks "
                         "and preview as any other change. What the published text fixes (the "
                         "clauses' Chinese, amounts, rates) is shown but cannot be changed."},
    "admin_noscript": {"zh": "网页编辑器需要 JavaScript。没有 JavaScript 时，"
                             "请按编辑指南通过拉取请求修改 YAML 文件。",
                       "en": "The web editor needs JavaScript. Without it, change the YAML "
                             "files through a pull request, as the editors' guide describes."},
    "admin_guide": {"zh": "编辑指南", "en": "Editors' guide"},
    "not_found_title": {"zh": "找不到这个页面", "en": "Page not found"},
    "not_found_text": {"zh": "这个地址没有页面：可能输错了，"
                             "或页面已经移动。可以搜索，或从下面的页面开始。",
                       "en": "There is no page at this address: it may be mistyped, or the page "
                       "has moved. Search, or start from one of these pages."},
    "none_in_force_title": {"zh": "目前没有在有效期内的政策文件", "en": "No document is in force "
                            "now"},
    "none_in_force": {"zh": "本站收录的文件都已到期、已被替代或未载明实施期限。"
                            "下面按各系列最新的版本计算，"
                      "结果仅供了解，并注明每份文件的状态。",
                      "en": "Every document here has ended, been replaced or states no period "
                      "in force. The finder below works with the latest edition of each "
                      "series; each result says its document's status and is for "
                      "information only."},
    "supplied": {"zh": "编辑补充，原文未载明", "en": "supplied by the editors; not stated in the "
                 "published text"},
    "document_facts": {"zh": "基本信息", "en": "Key facts"},
    "portal_record": {"zh": "门户网站发布时的记录", "en": "The portal's record at publication"},
    "portal_record_note": {"zh": "以下为发布时门户网站页面所载信息，不代表文件现在的效力状态。",
                           "en": "As the government portal showed the notice when it was "
                           "published; not the document's status today."},
    "issuers": {"zh": "发文机关", "en": "Issued by"},
    "cooperating_units": {"zh": "配合单位", "en": "Cooperating units"},
    "no_lead": {"zh": "标题未载明牵头单位", "en": "The heading names no lead unit"},
    "lead_of_chapter": {"zh": "本条未列责任单位，由本章牵头单位负责：",
                        "en": "The clause names no responsible unit; the chapter's lead units:"},
    "responsible_note": {"zh": "括注", "en": "Note in the bracket"},
    "unnumbered": {"zh": "（不编号段落）", "en": "(unnumbered paragraph)"},
    "superseded_by": {"zh": "本文件已被{title}替代。", "en": "This document has been "
                      "superseded by {title}."},
    "successor_from": {"zh": "新版本{title}自{date}起施行。", "en": "A new edition, {title}, "
                       "takes effect on {date}."},
    "see_successor": {"zh": "查看新版本", "en": "Read the new edition"},
    "library": {"zh": "全部政策文件", "en": "All policy documents"},
    "about_short": {"zh": "{issuer}政策文件的条款、奖励补助、目标、预算和计算器",
                    "en": "Clauses, incentives, targets, budgets and calculators of the "
                    "{issuer}'s policy document"},
    "library_description": {"zh": "{site}：{count}份政策文件的条款、奖励补助、预算、计算器和搜索",
                            "en": "{site}: clauses, incentives, budgets, calculators and search "
                            "for {count} policy documents"},
    "library_description_one": {"zh": "{site}：{count}份政策文件的条款、"
                                      "奖励补助、预算、计算器和搜索",
                                "en": "{site}: clauses, incentives, budgets, calculators and "
                                "search for one policy document"},
    "tasks_heading": {"zh": "我想……", "en": "I want to…"},
    "task_calculator": {"zh": "算一算：{title}", "en": "Work out: {title}"},
    "task_finder": {"zh": "查找我（我的企业）能享受的政策", "en": "Find what my enterprise or I "
                    "can get"},
    "task_benefits": {"zh": "在全部现行文件中查找我能享受的政策",
                      "en": "Find what I can get in every document in force"},
    "task_units": {"zh": "找到负责的单位", "en": "Find the responsible unit"},
    "task_read": {"zh": "阅读政策条款", "en": "Read the clauses"},
    "task_pdf": {"zh": "下载 PDF 手册", "en": "Download the PDF handbook"},
    "library_link": {"zh": "全部文件", "en": "All documents"},
    "library_intro": {"zh": "本站收录{count}份政策文件，按系列和发文机关分组，现行版本在前。",
                      "en": "This site holds {count} policy documents, grouped by series "
                      "and issuer, the current edition first."},
    "library_intro_one": {"zh": "本站收录{count}份政策文件。", "en": "This site holds one policy "
                          "document."},
    "issuer": {"zh": "发文机关", "en": "Issuer"},
    "document": {"zh": "文件", "en": "Document"},
    "document_number": {"zh": "文件编号", "en": "Document number"},
    "date_written": {"zh": "成文日期", "en": "Date of writing"},
    "across_documents": {"zh": "跨文件查找", "en": "Across documents"},
    "all_units_intro": {"zh": "各发文机关的责任单位，以及它们在每份文件中负责的条款和牵头的"
                        "政策领域。", "en": "Each issuer's responsible units, with the clauses "
                        "they are responsible for and the policy areas they lead in every "
                        "document."},
    "clauses_by_document": {"zh": "各文件中的条款", "en": "Clauses in each document"},
    "leads": {"zh": "牵头", "en": "leads"},
    "editions": {"zh": "各版本", "en": "Editions"},
    "this_edition": {"zh": "本版本", "en": "this edition"},
    "in_previous_edition": {"zh": "上一版本{edition}第{n}条", "en": "Clause {n} of the "
                            "previous edition {edition}"},
    "in_next_edition": {"zh": "下一版本{edition}第{n}条", "en": "Clause {n} of the next "
                        "edition {edition}"},
    "compare_with": {"zh": "与{other}对照", "en": "Compare with {other}"},
    "compare_title": {"zh": "{old}与{new}对照", "en": "{old} compared with {new}"},
    "compare_intro": {"zh": "比较《{old}》与《{new}》：新增、删除、重新编号和修改的条款，"
                      "数值、责任单位和预算的变化。",
                      "en": "{old} compared with {new}: clauses added, removed, renumbered and "
                      "changed, and changes in figures, responsible units and budgets."},
    "compare_same": {"zh": "两个版本的条款、数值和预算没有差别。",
                     "en": "The two editions do not differ in clauses, figures or budgets."},
    "compare_amounts": {"zh": "金额和数值的变化", "en": "Amounts and figures that changed"},
    "compare_amounts_none": {"zh": "两个版本的金额、比例和目标值相同。",
                             "en": "The amounts, rates and target figures are the same in both "
                             "editions."},
    "compare_change": {"zh": "变化", "en": "Change"},
    "compare_possible": {"zh": "可能是同一条款", "en": "Possibly the same clause"},
    "compare_possible_note": {"zh": "两版本中这些条款内容相近，但不能确定是同一条款，请对照原文。",
                              "en": "These clauses read alike in the two editions, but not "
                              "enough to be sure they are the same clause: compare the texts."},
    "compare_moved": {"zh": "位置移动的条款", "en": "Clauses moved"},
    "compare_chapters": {"zh": "政策领域的顺序变化", "en": "Policy areas reordered"},
    "compare_chapter_moved": {"zh": "第{a}章 → 第{b}章", "en": "Chapter {a} → chapter {b}"},
    "new_value": {"zh": "新增", "en": "new"},
    "gone_value": {"zh": "取消", "en": "removed"},
    "timeline": {"zh": "本条在各版本中", "en": "This clause in each edition"},
    "timeline_first": {"zh": "首次列入", "en": "First listed"},
    "timeline_same": {"zh": "内容未变", "en": "Unchanged"},
    "timeline_added": {"zh": "本版本新增", "en": "New in this edition"},
    "timeline_removed": {"zh": "本版本未列入", "en": "Not in this edition"},
    "timeline_absent": {"zh": "未列入", "en": "Not in this edition"},
    "timeline_amended": {"zh": "文字修改", "en": "Wording changed"},
    "timeline_renumbered": {"zh": "编号变化", "en": "Renumbered"},
    "timeline_moved": {"zh": "位置移动", "en": "Moved"},
    "timeline_possible": {"zh": "可能是同一条款，请对照原文", "en": "Possibly the same clause: "
                          "compare the texts"},
    "timeline_changed": {"zh": "数据修改", "en": "Data changed"},
    "timeline_units": {"zh": "责任单位变化", "en": "Responsible units changed"},
    "timeline_not_next": {"zh": "下一版本未列入本条。", "en": "Not in the next edition."},
    "timeline_current": {"zh": "本页", "en": "this page"},
    "compare_added": {"zh": "新增条款", "en": "Clauses added"},
    "compare_removed": {"zh": "删除条款", "en": "Clauses removed"},
    "compare_renumbered": {"zh": "编号变化", "en": "Clauses renumbered"},
    "compare_changed": {"zh": "修改的条款", "en": "Clauses changed"},
    "compare_budgets": {"zh": "预算变化", "en": "Budgets changed"},
    "compare_values": {"zh": "数值变化", "en": "Figures changed"},
    "compare_field": {"zh": "项目", "en": "Figure"},
    "compare_none": {"zh": "无", "en": "none"},
    "compare_en_only": {"zh": "中文条文未变，仅英文译文有修改。",
                        "en": "The Chinese text is unchanged; only the English differs."},
    "compare_units_added": {"zh": "新增责任单位", "en": "Responsible units added"},
    "compare_units_removed": {"zh": "不再列为责任单位", "en": "No longer responsible"},
    "compare_units": {"zh": "单位变化", "en": "Units changed"},
    "compare_units_new": {"zh": "新出现的单位", "en": "New unit"},
    "compare_units_gone": {"zh": "不再出现的单位", "en": "Unit no longer named"},
    "field_amount": {"zh": "金额", "en": "amount"},
    "field_min_amount": {"zh": "最低金额", "en": "lowest amount"},
    "field_pool": {"zh": "资金总额", "en": "sum for all recipients"},
    "field_max_amount": {"zh": "最高金额", "en": "maximum"},
    "field_rate": {"zh": "比例", "en": "rate"},
    "field_rate_min": {"zh": "比例下限", "en": "lowest rate"},
    "field_rate_max": {"zh": "比例上限", "en": "highest rate"},
    "field_threshold": {"zh": "门槛", "en": "threshold"},
    "field_value": {"zh": "目标值", "en": "target"},
    "field_value_max": {"zh": "目标上限", "en": "upper target"},
    "search": {"zh": "搜索", "en": "Search"},
    "menu": {"zh": "打开导航菜单", "en": "Open the navigation menu"},
    "search_label": {"zh": "搜索全部政策文件", "en": "Search every policy document"},
    "search_placeholder": {"zh": "如 以旧换新、50万元、高新技术企业",
                           "en": "e.g. trade-in, high-tech enterprise, postdoctoral"},
    "search_intro_one": {"zh": "在文件的条款、单位和表格中搜索。", "en": "Search the document's "
                         "clauses, units and tables."},
    "search_intro": {"zh": "在全部文件的条款、单位和表格中搜索；可按文件筛选结果。",
                     "en": "Search the clauses, units and tables of every document; results "
                     "can be limited to one document."},
    "search_noscript": {"zh": "搜索需要启用 JavaScript。", "en": "Search needs JavaScript."},
    "pf_placeholder": {"zh": "搜索条款、金额、单位", "en": "Search clauses, amounts, units"},
    "pf_clear_search": {"zh": "清除", "en": "Clear"},
    "pf_load_more": {"zh": "更多结果", "en": "More results"},
    "pf_search_label": {"zh": "搜索本站", "en": "Search this site"},
    "pf_filters_label": {"zh": "按文件筛选", "en": "Limit to a document"},
    "pf_zero_results": {"zh": "没有找到结果。可以试试：以旧换新、高新技术企业、第14条",
                        "en": "No results. Try: trade-in, high-tech enterprise, clause 14"},
    "pf_many_results": {"zh": "共[COUNT]条结果", "en": "[COUNT] results"},
    "pf_one_result": {"zh": "共1条结果", "en": "1 result"},
    "pf_alt_search": {"zh": "没有找到“[SEARCH_TERM]”，以下是“[DIFFERENT_TERM]”的结果",
                      "en": "No results for [SEARCH_TERM]. Showing results for "
                      "[DIFFERENT_TERM] instead"},
    "pf_search_suggestion": {"zh": "没有找到“[SEARCH_TERM]”。可以试试：以旧换新、高新技术企业、"
                             "第14条", "en": "No results for [SEARCH_TERM]. Try: trade-in, "
                             "high-tech enterprise, clause 14"},
    "pf_searching": {"zh": "正在搜索“[SEARCH_TERM]”…", "en": "Searching for [SEARCH_TERM]..."},
    "original_notice": {"zh": "查看原文（{issuer}网站）",
                        "en": "Read the published notice ({issuer} website)"},
    "lead_units": {"zh": "牵头单位", "en": "Lead units"},
    "responsible_units": {"zh": "责任单位", "en": "Responsible units"},
    "responsible_units_one": {"zh": "责任单位", "en": "Responsible unit"},
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
    "src_city": {"zh": "{level}本级", "en": "{Level}"},
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
    "not_stated": {"zh": "金额以细则为准（文件未写明）",
                   "en": "Amount set by implementing rules (not stated in the text)"},
    "pool": {"zh": "资金总额{x}（所有对象合计，不是每个对象可得的金额）",
             "en": "a pool of {x} for all recipients together, not an amount per recipient"},
    "up_to": {"zh": "最高{x}", "en": "up to {x}"},
    "between": {"zh": "{a}至{b}", "en": "{a} to {b}"},
    "cap": {"zh": "上限{x}", "en": "capped at {x}"},
    "of_base": {"zh": "{base}的{rate}", "en": "{rate} of {base}"},
    "cmp_at_least": {"zh": "不少于", "en": "at least"},
    "cmp_exactly": {"zh": "", "en": ""},
    "cmp_at_most": {"zh": "不超过", "en": "at most"},
    "cmp_range": {"zh": "", "en": ""},
    "cmp_approximately": {"zh": "左右", "en": "about"},
    "budget_total": {"zh": "文件所述总额", "en": "Total stated by the document"},
    "budget_plain": {"zh": "各章列出的{level}本级资金合计{city}（重复列出的{overlap}只计一次），"
                           "另列上级资金{higher}。",
                     "en": "The chapters list {city} of {level}-level money (the {overlap} "
                     "listed twice counted once), and {higher} of higher-level funds."},
    "budget_plain_difference": {"zh": "文件所述总额与各章{level}本级合计相差{difference}，"
                                      "说明见下。",
                                "en": " The stated total and the chapters' {level}-level sum "
                                "differ by {difference}: see the note below."},
    "budget_note": {"zh": "关于这些数字", "en": "About these figures"},
    "reconciliation_show": {"zh": "查看核对明细", "en": "Show how the figures add up"},
    "reconciliation": {"zh": "预算核对", "en": "Budget reconciliation"},
    "rec_city": {"zh": "各章{level}本级数字之和", "en": "Sum of the chapters' {level}-level "
                 "figures"},
    "rec_higher": {"zh": "各章上级资金之和", "en": "Sum of the chapters' higher-level funds"},
    "rec_overlap": {"zh": "重复列出（只计一次）", "en": "Listed twice (counted once)"},
    "rec_city_net": {"zh": "{level}本级合计（扣除重复）", "en": "{Level}-level total, overlap "
                     "removed"},
    "rec_all_net": {"zh": "含上级资金合计（扣除重复）",
                    "en": "Total with higher-level funds, overlap removed"},
    "rec_difference": {"zh": "文件总额与{level}本级合计之差",
                       "en": "Stated total minus the {level}-level total"},
    "chart_title": {"zh": "各领域{year}年预算安排", "en": "{year} budget by policy area"},
    "chart_desc": {"zh": "每个领域的金额都以文字写出；下面各章的表格给出原文依据。",
                   "en": "Each area's amount is written out; the chapter tables below give "
                   "the source text."},
    "chapter_budget": {"zh": "预算", "en": "Budget"},
    "filter": {"zh": "筛选", "en": "Filter"},
    "incentives_count": {"zh": "本表列出全部{total}项奖励与补助，"
                               "其中{stated}项写明金额、比例或上限；"
                         "其余金额以细则为准。", "en": "This table lists all {total} incentives; "
                         "{stated} state an amount, a rate or a ceiling, and the others' amounts "
                         "are set by the implementing rules."},
    "incentives_shown": {"zh": "当前显示{n}项。", "en": "Showing {n} of {total}."},
    "filter_nothing": {"zh": "没有与“{q}”相符的条目。可以试试更短的词，或：{hints}。",
                       "en": "Nothing matches “{q}”. Try a shorter word, or: {hints}."},
    "filter_placeholder": {"zh": "输入关键词筛选，如 高新技术",
                           "en": "Type to filter, e.g. high-tech"},
    "sort_hint": {"zh": "点击表头可排序。", "en": "Select a column heading to sort."},
    "sort_by": {"zh": "排序：", "en": "Sort by:"},
    "downloads": {"zh": "下载", "en": "Downloads"},
    "pdf": {"zh": "PDF 手册", "en": "PDF handbook"},
    "licence": {"zh": "许可", "en": "Licence"},
    "about": {
        "zh": "本手册把{issuer}《{title}{subtitle}》整理为可检索的条款、责任单位、奖励补助、"
              "目标任务和预算表。",
        "en": "This handbook sets out the {issuer}'s {title} {subtitle} as searchable clauses, "
              "responsible units, incentives, targets and budget tables, in Chinese and English.",
    },
    "translation_pending": {
        "zh": "英文译文待补。",
        "en": "English translation pending: the text below is the Chinese as published.",
    },
    "translation_note": {
        "zh": "英文为本项目所译，仅供参考。",
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
    "for_editors": {"zh": "数据来源（供编辑）", "en": "Where this data is (for editors)"},
    "printed_from": {"zh": "打印自", "en": "Printed from"},
    "full_text": {"zh": "这些条款的全文", "en": "The full text of these clauses"},
    "how_to_apply": {"zh": "办理渠道", "en": "How to apply"},
    "contact_service": {"zh": "办理方式", "en": "Where to apply"},
    "contact_address": {"zh": "地址", "en": "Address"},
    "contact_phone": {"zh": "电话", "en": "Telephone"},
    "contact_website": {"zh": "网站", "en": "Website"},
    "contact_source": {"zh": "来源", "en": "Source"},
    "no_contact": {"zh": "暂未收录该单位公布的联系方式。", "en": "No contact published by this "
                   "unit is recorded yet."},
    "general_channels": {"zh": "一般办理渠道（不是该单位的专门联系方式）",
                         "en": "General channels (not this unit's own contact)"},
    "channel_portal": {"zh": "{issuer}门户网站：查询政策、办事指南和各部门联系方式",
                       "en": "The {issuer}'s portal: its notices, service guides and "
                       "departments' contacts"},
    "channel_hotline": {"zh": "12345政务服务便民热线（全国统一号码）：咨询政策、转办到负责的部门",
                        "en": "12345, the government service hotline (the same number "
                        "everywhere in China, in Chinese): questions about a policy, passed on "
                        "to the department in charge"},
    "original_not_recorded": {"zh": "原文网址未收录", "en": "The notice's web address is not "
                              "recorded"},
    "original_find_on": {"zh": "可在{issuer}门户网站查找", "en": "look it up on the {issuer}'s "
                         "portal"},
    "chapters_led": {"zh": "牵头的政策领域", "en": "Policy areas it leads"},
    "clauses_responsible": {"zh": "负责的条款", "en": "Clauses it is responsible for"},
    "none": {"zh": "无", "en": "None"},
    "all_units": {"zh": "全部单位", "en": "All units"},
    "clause_count": {"zh": "条款数", "en": "Clauses"},
    "file": {"zh": "文件", "en": "File"},
    "contents": {"zh": "目录", "en": "Contents"},
    "all_clauses": {"zh": "全部章节和条款", "en": "All chapters and clauses"},
    "file_contents": {"zh": "内容", "en": "Contents"},
    "file_datapackage_json": {"zh": "四个 CSV 表的 Frictionless 数据包：字段类型、单位、主键，"
                                    "以条款为外键",
                              "en": "Frictionless data package of the four CSV tables: field "
                                    "types, units, keys, the clause as foreign key"},
    "file_rules_json": {"zh": "计算器和政策匹配所用的规则（网页中的计算器读取同一份）",
                        "en": "The calculators' and the benefit finder's rules (what the "
                              "calculators on the site read)"},
    "file_akn_zh": {"zh": "Akoma Ntoso 3.0：中文原文（以原文为准）",
                    "en": "Akoma Ntoso 3.0: the Chinese text (authoritative)"},
    "file_akn_en": {"zh": "Akoma Ntoso 3.0：本项目的英文译文",
                    "en": "Akoma Ntoso 3.0: this project's English translation"},
    # the page for developers (/<lang>/data/)
    "developers": {"zh": "开放数据与接口", "en": "Data for developers"},
    "dev_intro": {"zh": "本站的所有数据均为静态文件，无需登录或密钥，可直接下载或由程序读取。"
                        "每个文件都由"
                        "同一份结构化数据生成，与网页和 PDF 一致。",
                  "en": "Everything here is a static file: no sign-in, no key. Download it or "
                        "read it from a program. Every file is generated from the same "
                        "structured data as the pages and the PDFs."},
    "dev_published": {"zh": "发布的内容", "en": "What is published"},
    "dev_library_json": {"zh": "文件库：每份文件的系列、发文机关、状态、标识符和各文件地址",
                         "en": "The library: every document's series, issuer, status, "
                               "identifiers and where its files are"},
    "dev_openapi_json": {"zh": "OpenAPI 3.1 接口说明：每个 JSON 文件的地址和 JSON Schema",
                         "en": "The OpenAPI 3.1 description: every JSON file's address and "
                               "its JSON Schema"},
    "dev_clause_json": {"zh": "按条款编号直接取得一条（无需搜索）：原文、译文、奖励、目标、"
                              "责任单位、标识符",
                        "en": "One clause by its number, without search: text, translation, "
                              "incentives, targets, responsible units, identifiers"},
    "dev_akn": {"zh": "OASIS Akoma Ntoso 3.0 格式的全文，含 FRBR 标识符、修订记录、"
                      "实施期和每个数字",
                "en": "The whole text in OASIS Akoma Ntoso 3.0, with FRBR identifiers, "
                      "amendments, the period in force and every figure"},
    "dev_eli": {"zh": "永久标识符：每份文件、每种语言和每一条都有固定地址（见下文）",
                "en": "Permanent identifiers: a fixed address for each document, language and "
                      "clause (see below)"},
    "dev_jsonld": {"zh": "每份文件的首页和每一条的页面都带有 schema.org JSON-LD（Legislation，"
                         "奖励为 "
                         "MonetaryGrant），供搜索引擎和程序读取。",
                   "en": "Each document's home and each clause's page carry schema.org JSON-LD "
                         "(Legislation; incentives as MonetaryGrant) for search engines and "
                         "programs."},
    "dev_document_data": {"zh": "该文件的开放数据页", "en": "The document's open-data page"},
    "dev_work_id": {"zh": "标识符", "en": "Identifier"},
    "dev_identifiers": {"zh": "标识符", "en": "Identifiers"},
    "dev_identifiers_intro": {
        "zh": "标识符参照欧洲立法标识符（ELI）的写法，由数据生成：发文机关、"
              "文号（无文号时为文件编号 id）、"
              "规范性文件登记号（如有）、年份和语言。它们是本站地址下的路径，永不改变，"
                  "打开后进入对应的页面或文件。",
        "en": "Identifiers follow the style of the European Legislation Identifier (ELI) and "
              "are made from the data: the issuer, the document number (文号; without one, the "
              "document's id), the normative-document registration number (规范性文件登记号) "
              "where there is one, the year and the language. They are paths under the site's "
              "address that never change, and each lands on its page or file."},
    "uri_cn": {"zh": "中国：本文件库只收录中国的规范性文件",
               "en": "China: the library holds Chinese normative documents only"},
    "uri_issuer": {"zh": "发文机关在 library.yaml 中的 id", "en": "the issuer's id in "
                         "library.yaml"},
    "uri_year": {"zh": "文号中的年份（〔2025〕），否则为成文日期或版本的年份",
                 "en": "the year in the document number (〔2025〕), else of its date or edition"},
    "uri_number": {"zh": "文号：机关代字的拼音加序号（西政发〔2025〕6号 → xizhengfa-6）；"
                         "无文号时为文件 id",
                   "en": "the document number: the issuing organ's abbreviation in pinyin and "
                         "the serial (西政发〔2025〕6号 → xizhengfa-6); without one, the "
                         "document's id"},
    "uri_lang": {"zh": "语言（ISO 639-2，与 Akoma Ntoso 相同）：zho 中文原文，eng 英文译文",
                 "en": "the language (ISO 639-2, as in Akoma Ntoso): zho the Chinese text, eng "
                       "the English translation"},
    "uri_registration_part": {"zh": "规范性文件登记号，小写", "en": "the registration number, "
                                    "lower case"},
    "uri_work": {"zh": "文件本身：中文首页", "en": "the document: its Chinese home page"},
    "uri_expression": {"zh": "一种语言的文本：该语言的首页", "en": "the text in one language: its "
                             "home page"},
    "uri_manifestation": {"zh": "该语言的 Akoma Ntoso XML 文件", "en": "its Akoma Ntoso XML file"},
    "uri_clause": {"zh": "一条（按编号）：中文条款页", "en": "a clause, by number: its Chinese "
                         "page"},
    "uri_clause_expression": {"zh": "一条的一种语言：该语言的条款页",
                              "en": "a clause in one language: its page in that language"},
    "uri_registration": {"zh": "按规范性文件登记号：中文首页",
                         "en": "by registration number: the Chinese home page"},
    "dev_identifiers_example": {"zh": "例如《{title}》（{number}）：",
                                "en": "For example, {title} ({number}):"},
    "dev_identifier": {"zh": "标识符", "en": "Identifier"},
    "dev_lands_on": {"zh": "打开后进入", "en": "Lands on"},
    "dev_akn_uri": {"zh": "在 Akoma Ntoso 文件中，同一份文件的 FRBR 作品标识为",
                    "en": "In the Akoma Ntoso files, the same document's FRBR work URI is"},
    "dev_examples": {"zh": "示例", "en": "Examples"},
    "dev_site_var": {"zh": "下面的示例中，$SITE 是本站的地址（即你打开本页的地址中 /zh/ "
                           "之前的部分）。",
                     "en": "In the examples, $SITE is this site's address (the part of this "
                           "page's address before /en/)."},
    "dev_curl_library": {"zh": "文件库", "en": "the library"},
    "dev_curl_clause": {"zh": "按编号取第{n}条", "en": "clause {n}, by its number"},
    "dev_curl_akn": {"zh": "经标识符取得中文 Akoma Ntoso 文件", "en": "the Chinese Akoma Ntoso "
                           "file, by its identifier"},
    "dev_curl_table": {"zh": "奖励与补助表（CSV）", "en": "the incentives table (CSV)"},
    "dev_more": {"zh": "全部文件的接口说明、标识符和示例", "en": "every file's description, the "
                 "identifiers and examples"},
    "dev_python_site": {"zh": "与 curl 示例相同的地址",
                        "en": "the same address as in the curl examples"},
    "dev_python_prints": {"zh": "其中一行输出", "en": "one of the lines it prints"},
    "dev_python_quote": {"zh": "即 {amount}，原文", "en": "that is {amount}; the text says"},
    "dev_validate": {"zh": "数据包和接口说明可以用各自标准的工具校验：",
                     "en": "The data packages and the API description check with their "
                           "standards' own tools:"},
    "dev_licence_more": {"zh": "schema.org 词汇表由 schema.org 以 CC BY-SA 3.0 许可提供；Akoma "
                               "Ntoso 为 OASIS 标准。",
                         "en": "The schema.org vocabulary is schema.org's, under CC BY-SA 3.0; "
                               "Akoma Ntoso is an OASIS standard."},
    "and": {"zh": "、", "en": " and "},
    # the kinds of fact, as the Akoma Ntoso files name them (TLCConcept)
    "akn_incentive": {"zh": "奖励与补助", "en": "incentive"},
    "akn_target": {"zh": "目标任务", "en": "target"},
    "akn_budget": {"zh": "预算", "en": "budget figure"},
    "akn_figure": {"zh": "其他数字", "en": "other figure"},
    "format": {"zh": "格式", "en": "Format"},
    "data_intro": {
        "zh": "以下数据文件由手册的同一份结构化数据生成，与网站和PDF一致。CSV 文件为带 BOM 的 "
              "UTF-8 编码，可直接用 Excel 打开。",
        "en": "These files are generated from the same structured data as the site and the PDF. "
              "CSV files are UTF-8 with a byte-order mark, so Excel opens the Chinese correctly.",
    },
    "licence_text": {
        "zh": "政策原文为{issuer}公开发布的政府文件；本项目整理的结构化数据和英文译文以 "
              "CC BY 4.0 许可发布，使用时请注明来源。",
        "en": "The policy text is a public government document of the {issuer}. The "
              "structured data and English translation compiled by this project are released "
              "under CC BY 4.0; please credit the source.",
    },
    "file_policy_json": {"zh": "完整数据模型（文件信息、章、条款、单位、奖励、目标、预算）",
                         "en": "The whole model (document, chapters, clauses, units, incentives, "
                         "targets, budgets)"},
    "file_clauses_csv": {"zh": "每条一行：编号、章、标题、原文、英文、责任单位",
                         "en": "One row per clause: number, chapter, title, text, English, units"},
    "file_incentives_csv": {"zh": "每项奖励或补助一行", "en": "One row per incentive"},
    "file_targets_csv": {"zh": "每项量化目标一行", "en": "One row per quantitative target"},
    "file_budget_csv": {"zh": "每个预算数字一行，含细项和来源",
                        "en": "One row per budget figure, with breakdown and source"},
    "targets_by_unit": {"zh": "按责任单位分组", "en": "Grouped by responsible unit"},
    "target_count": {"zh": "{count}项", "en": "{count} targets"},
    "target_count_one": {"zh": "1项", "en": "1 target"},
    "chapter_targets": {"zh": "领域总体目标", "en": "Area-wide targets"},
    "edition": {"zh": "版本", "en": "Edition"},
    "data_date": {"zh": "数据日期", "en": "Data as of"},
    "notice": {"zh": "通知", "en": "Notice"},
    "closing": {"zh": "附则", "en": "Closing provisions"},
    "glossary": {"zh": "术语表", "en": "Glossary"},
    "page": {"zh": "页码", "en": "page"},
    "calculators": {"zh": "计算器", "en": "Calculators"},
    "calculators_intro": {"zh": "按文件条款计算可获得的奖励和补助，并列出计算过程和依据。",
                          "en": "Work out the rewards and subsidies the clauses provide, with "
                          "each step and the clause it rests on."},
    "finder": {"zh": "政策匹配", "en": "Benefit finder"},
    "calc_submit": {"zh": "计算", "en": "Calculate"},
    "calc_choose": {"zh": "请选择", "en": "Choose"},
    "calc_noscript": {"zh": "计算器需要启用 JavaScript。可按下列条款原文自行计算。",
                      "en": "The calculator needs JavaScript. The clauses below give the rules."},
    "calc_result": {"zh": "计算结果", "en": "Result"},
    "calc_unchecked": {"zh": "计算器未核查的条件（结果不构成承诺）",
                       "en": "Conditions the calculator does not check (the result is not a "
                       "guarantee)"},
    "calc_rules": {"zh": "计算依据", "en": "Rules used"},
    "calc_optional": {"zh": "选填", "en": "optional"},
    "calc_see_working": {"zh": "查看计算过程", "en": "See the working"},
    "finder_intro": {"zh": "先选您是企业还是居民，再勾选符合您情况的事项，并在事项下填写金额。"
                     "下方按责任单位列出可能适用的条款和金额，并给出合计；每项都注明依据的条款。",
                     "en": "Say whether you are an enterprise or a resident, tick what applies "
                     "to you and type the amounts asked under it. Below, the clauses that may "
                     "apply and their amounts are listed by responsible unit, with the total; "
                     "each names its clause."},
    "finder_who": {"zh": "您是", "en": "You are"},
    "finder_enterprise": {"zh": "企业", "en": "An enterprise"},
    "finder_resident": {"zh": "居民", "en": "A resident"},
    "finder_none": {"zh": "请先选择企业或居民，再勾选至少一项。",
                    "en": "Choose enterprise or resident, then tick at least one item."},
    "finder_found": {"zh": "可能适用的政策", "en": "What may apply to you"},
    "finder_rule": {"zh": "同一事项与其他政策重叠时，按“从优、就高、不重复”的原则执行（见附则）。",
                    "en": "Where benefits overlap with other policies, the most favourable, "
                    "highest applies, with no double benefit (see the closing provisions)."},
    "finder_print": {"zh": "打印清单", "en": "Print the checklist"},
    "finder_see_lines": {"zh": "查看明细", "en": "See the details"},
    "finder_noscript": {"zh": "政策匹配需要启用 JavaScript。可查看“奖励与补助”表和各条款。",
                        "en": "The benefit finder needs JavaScript. The incentives table and "
                        "the clauses list the same measures."},
    "finder_unreached": {"zh": "未对应到上述事项的其他措施（{n}项）",
                         "en": "Other measures not matched to a situation above ({n})"},
    "benefits": {"zh": "查找可享受的政策", "en": "Find what you can get"},
    "benefits_intro": {"zh": "在全部现行政策文件中查找："
                             "先选您是企业还是居民，再勾选符合您情况的事项"
                       "并填写金额。结果按文件和责任单位列出，每项注明依据的条款。",
                       "en": "Search every policy document in force: say whether you are an "
                       "enterprise or a resident, tick what applies to you and type the amounts "
                       "asked. The results are listed by document and responsible unit, each "
                       "with its clause."},
    "benefits_across": {"zh": "在全部现行文件中查找可享受的政策（企业和居民）",
                        "en": "what enterprises and residents can get under every document in "
                        "force"},
    "calc_amount_hint": {"zh": "可写 6500、6,500元 或 1.5万。",
                         "en": "In yuan, such as 6500 or 6,500."},
    "contact": {"zh": "责任单位", "en": "Responsible units"},
    "whats_new": {"zh": "变化和更正", "en": "Changes and corrections"},
    "policy_changes": {"zh": "政策的变化", "en": "Changes to the policy"},
    "handbook_corrections": {"zh": "本手册的更正", "en": "Corrections to this handbook"},
    "handbook_corrections_intro": {"zh": "以下是本手册对文件数据的更正和说明，不是政策本身的变化。",
                                   "en": "These are this handbook's corrections and notes on its "
                                   "data, not changes to the policy itself."},
    "clause_amended": {"zh": "本条的勘误和修订", "en": "Official corrections of this clause"},
    "no_amendments": {"zh": "本版本没有正式勘误或修订。", "en": "This edition has no official "
                      "correction or revision."},
    "only_edition": {"zh": "本系列目前只收录了这一个版本。", "en": "This is the only edition of "
                     "its series here."},
    "whats_new_intro": {"zh": "先列政策本身的变化（各版本、"
                              "正式勘误和修订），再列本手册对数据的更正，"
                               "最新的在前。订阅：",
                        "en": "Changes to the policy itself (its editions, official corrections "
                        "and revisions) first, then this handbook's corrections of its data, "
                        "newest first. Subscribe:"},
    "feed": {"zh": "Atom 订阅源", "en": "Atom feed"},
    "history": {"zh": "本手册的更正", "en": "Corrections to this handbook"},
    "last_changed": {"zh": "数据最后更新：{date}", "en": "Data last changed: {date}"},
    "whole_document": {"zh": "全文", "en": "Whole document"},
    "kind_correction": {"zh": "更正", "en": "Correction"},
    "kind_clarification": {"zh": "说明", "en": "Clarification"},
    "kind_implementation_rule": {"zh": "实施细则", "en": "Implementation rule"},
    "kind_translation": {"zh": "译文", "en": "Translation"},
    "kind_typo": {"zh": "文字订正", "en": "Typo fix"},
    "kind_amendment": {"zh": "修订", "en": "Amendment"},
    "amended": {"zh": "修订", "en": "Amended"},
    "amended_by_erratum": {"zh": "经{number}（{date}）勘误",
                           "en": "Corrected by {number} on {date}"},
    "amended_by_revision": {"zh": "经{number}（{date}）修订",
                            "en": "Amended by {number} on {date}"},
    "amended_was": {"zh": "原为", "en": "Was"},
    "amended_now": {"zh": "，现为", "en": ", now"},
    "amended_original": {"zh": "查看公布时的原文",
                         "en": "Show the clause as first published (Chinese)"},
    "editors_guide": {"zh": "编辑指南", "en": "Editors' guide"},
    "about_document": {"zh": "关于本文件", "en": "About this document"},
    "chapter_col": {"zh": "领域", "en": "Area"},
    "for_editors_footer": {"zh": "供编辑：", "en": "For editors: "},
}


def t(key: str, lang: str, **kwargs: object) -> str:
    """The interface string `key` in `lang`, filled in; `count=1` takes its `_one` form
    (1 policy document, not 1 policy document(s))."""
    if kwargs.get("count") == 1 and f"{key}_one" in STRINGS:
        key = f"{key}_one"
    text = STRINGS[key][lang]
    return text.format(**kwargs) if kwargs else text


# Messages of the calculator UI (calculators/ui.js), with {placeholders} it fills in.
CALC_MESSAGES: dict[str, dict[str, str]] = {
    "err_required": {"zh": "请填写或选择此项。", "en": "Please fill in or choose this."},
    "err_negative": {"zh": "不能为负数。", "en": "It cannot be negative."},
    "err_not_a_number": {"zh": "请输入金额，如 8000、8,000、6500元 或 1.5万。",
                         "en": "Enter an amount in yuan, such as 8000 or 8,000."},
    "err_too_many_decimals": {"zh": "金额最多精确到分。", "en": "At most two decimal places "
                              "(fen)."},
    "err_too_large": {"zh": "数额过大，请检查。", "en": "This amount is too large; check it."},
    "err_not_an_option": {"zh": "请从给出的选项中选择。", "en": "Choose one of the options."},
    "err_exclusive": {"zh": "“{a}”与“{b}”只能选一项。",
                      "en": "Choose either “{a}” or “{b}”, not both."},
    "eligible": {"zh": "符合条件", "en": "Eligible"},
    # a result under a policy that is not in force says so, in the result itself
    "result_expired": {"zh": "本政策已于{end}到期。以下是按本政策规定计算的结果，"
                             "仅供了解；现在申请不一定适用。",
                       "en": "This policy ended on {end}. This is what it would have given; it "
                       "may not apply to an application made now."},
    "result_superseded": {"zh": "本政策已被新版本替代。"
                                "以下是按本版本计算的结果；现在申请以新版本为准。",
                          "en": "This edition has been replaced by a new one. This is what this "
                          "edition gives; an application made now comes under the new one."},
    "result_not_yet": {"zh": "本政策自{start}起实施，尚未开始。", "en": "This policy applies from "
                       "{start}; it has not started yet."},
    "result_unstated": {"zh": "文件未载明实施期限。请向责任单位确认是否仍然适用。",
                        "en": "The text states no period in force: ask the responsible unit "
                        "whether it still applies."},
    "verdict_expired": {"zh": "按本政策（已于{end}到期）本可获得", "en": "Under this policy, which "
                        "ended on {end}, you would have received"},
    "verdict_superseded": {"zh": "按本版本（已被新版本替代）可获得", "en": "Under this edition, "
                           "since replaced, you would receive"},
    "verdict_not_yet": {"zh": "按本政策（{start}起实施）可获得", "en": "Under this policy, from "
                        "{start}, you would receive"},
    "verdict_unstated": {"zh": "按本政策（未载明实施期限）可获得", "en": "Under this policy (no "
                         "period in force stated) you would receive"},
    "result_successor": {"zh": "查看新版本：{title}", "en": "See the new edition: {title}"},
    "colon": {"zh": "：", "en": ": "},
    # how amounts are written: as the document writes them (80万元), or grouped (CNY 800,000)
    "number_style": {"zh": "wan", "en": "grouped"},
    "finder_has_past": {"zh": "部分金额依据的文件已不在有效期内，仅供了解",
                        "en": "some amounts come from documents no longer in force, for "
                        "information only"},
    "not_eligible": {"zh": "不符合条件", "en": "Not eligible"},
    "uncertain": {"zh": "不确定：文件未写明", "en": "Unclear: the text does not say"},
    "invalid": {"zh": "请先更正输入", "en": "Please correct the input"},
    "incomplete": {"zh": "还需填写：{labels}", "en": "Still needed: {labels}"},
    "reason_not_covered": {"zh": "不在补贴范围内：{label}须为{values}。",
                           "en": "Not covered: {label} must be {values}."},
    "reason_threshold_min": {"zh": "未达门槛：{of}须为{phrase}。",
                             "en": "Below the threshold: {of} must be {phrase}."},
    "reason_threshold_max": {"zh": "超出上限：{of}须为{phrase}。",
                             "en": "Above the limit: {of} must be {phrase}."},
    "reason_nothing_selected": {"zh": "请至少选择一项认定或填写一项金额。",
                                "en": "Choose a recognition or enter an amount."},
    "total": {"zh": "合计", "en": "Total"},
    "amount_exact": {"zh": "{x}", "en": "{x}"},
    "amount_range": {"zh": "{a}至{b}", "en": "{a} to {b}"},
    "amount_up_to": {"zh": "最高{x}", "en": "up to {x}"},
    "step_rate": {"zh": "{label} {base} × {rate} = {value}",
                  "en": "{label} {base} × {rate} = {value}"},
    "step_rate_range": {"zh": "{label} {base} × {rmin}–{rmax} = {min}–{max}"
                               "（文件未写明适用哪一比例）",
                        "en": "{label} {base} × {rmin}–{rmax} = {min}–{max} (the text does not say "
                        "which rate applies)"},
    "step_cap": {"zh": "≤ 上限 {cap} → {result}", "en": "≤ cap {cap} → {result}"},
    "step_fixed": {"zh": "文件写明 {x}", "en": "the text gives {x}"},
    "step_fixed_one_off": {"zh": "一次性 {x}", "en": "one-off {x}"},
    "step_up_to": {"zh": "文件只写明最高 {x}，具体金额以审核为准",
                   "en": "the text gives only a ceiling of {x}; the actual amount is decided on "
                   "review"},
    "step_threshold": {"zh": "{of} {input}：须为{phrase} ✓", "en": "{of} {input}: must be "
                       "{phrase} ✓"},
    "step_threshold_fail": {"zh": "{of} {input}：须为{phrase} ✗",
                            "en": "{of} {input}: must be {phrase} ✗"},
    "step_unsettled": {"zh": "文件未写明是否适用 → {result}",
                       "en": "the text does not settle whether this applies → {result}"},
    "step_assumed": {"zh": "未填写{label}，按{source}计算", "en": "{label} left empty: the "
                     "{source} is used"},
    "unsettled_known": {"zh": "已写明", "en": "What the text says"},
    "unsettled_unknown": {"zh": "未写明", "en": "What it does not say"},
    "unsettled_decides": {"zh": "由{unit}确定（以其公布的实施细则为准）",
                          "en": "The {unit} decides (its implementing rules prevail)"},
    # English boundary phrases say it themselves (`6,000 or less`, `less than 6,000`)
    "inclusive": {"zh": "（含本数）", "en": ""},
    "exclusive": {"zh": "（不含本数）", "en": ""},
    "clause": {"zh": "第{n}条", "en": "clause {n}"},
    "apply_to": {"zh": "责任单位", "en": "Responsible units"},
    "apply_to_one": {"zh": "责任单位", "en": "Responsible unit"},
    "yuan": {"zh": "{x}元", "en": "CNY {x}"},
    "usd": {"zh": "{x}美元", "en": "USD {x}"},
    "or": {"zh": "或", "en": " or "},
    "list_sep": {"zh": "、", "en": ", "},
    "finder_total": {"zh": "合计", "en": "Total"},
    "finder_total_partial": {"zh": "已填写部分合计", "en": "Total of what is filled in"},
    "finder_nothing": {"zh": "请先选择企业或居民，再勾选至少一项。",
                       "en": "Choose enterprise or resident, then tick at least one item."},
    "finder_waiting": {"zh": "还有{n}项待填写", "en": "{n} still to fill in"},
    "finder_has_uncertain": {"zh": "含文件未写明是否适用的金额", "en": "includes amounts the text "
                             "does not settle"},
    "finder_has_up_to": {"zh": "部分只写明最高额，实际以审核为准", "en": "some are ceilings; the "
                         "actual amount is decided on review"},
    "finder_set_by_rules": {"zh": "金额以细则为准", "en": "amount set by implementing rules"},
    "finder_open": {"zh": "在计算器中打开（已填好）", "en": "Open in the calculator (filled in)"},
    "finder_subtotal": {"zh": "小计", "en": "Subtotal"},
    "finder_document": {"zh": "文件", "en": "Document"},
    "finder_unit_page": {"zh": "办理渠道", "en": "How to apply"},
    "finder_printed": {"zh": "打印自", "en": "Printed from"},
}


CALC_MAY_BE_EMPTY = {"inclusive", "exclusive"}
# result_* and verdict_* messages by status (a document in force has none)
STATUS_MESSAGES = ("expired", "superseded", "not_yet", "unstated")


def missing_strings() -> list[str]:
    """Interface strings that lack a language (tested)."""
    may_be_empty = {"cmp_exactly", "cmp_range"}  # no comparison word for an exact value
    return [k for k, v in STRINGS.items()
            if set(v) != {"zh", "en"} or (not all(v.values()) and k not in may_be_empty)] + [
        k for k, v in CALC_MESSAGES.items()
        if set(v) != {"zh", "en"} or (not all(v.values()) and k not in CALC_MAY_BE_EMPTY)]

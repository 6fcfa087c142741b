package locale

// Interface text of SCT's synthesis on the report page and the compile permission.
func init() {
	for k, v := range map[string][2]string{
		"user.compile":       {"Được tổng hợp báo cáo (viết bản tổng hợp của Sở Công Thương cho từng mục)", "May compile a round (write SCT's synthesis for each item)"},
		"user.compile.short": {"tổng hợp báo cáo", "compiles rounds"},
		"syn.mode":           {"Ý kiến các đơn vị ở mục đã có bản tổng hợp", "Agencies' paragraphs under items SCT has written"},
		"syn.mode.sct":       {"Chỉ bản tổng hợp của SCT", "SCT's synthesis only"},
		"syn.mode.annex":     {"Kèm ý kiến các đơn vị ở phụ lục", "With the agencies' paragraphs in an annex"},
		"syn.mode.hint": {"Mục chưa có bản tổng hợp luôn in ý kiến các đơn vị, có ghi tên đơn vị.",
			"An item SCT has not written prints the agencies' paragraphs, attributed."},
		"syn.printed":     {"Bản tổng hợp của Sở Công Thương (in trong báo cáo)", "SCT's synthesis (printed in the report)"},
		"syn.sources":     {"Ý kiến các đơn vị", "Agencies' paragraphs"},
		"syn.editor":      {"Bản tổng hợp của SCT, mục", "SCT's synthesis, item"},
		"syn.write":       {"Viết bản tổng hợp cho mục này (chưa có ý kiến đơn vị)", "Write SCT's text for this item (no agency has written)"},
		"syn.history":     {"Các phiên bản", "Versions"},
		"syn.withdrawn":   {"bỏ khỏi báo cáo", "withdrawn from the report"},
		"syn.quote":       {"Trích dẫn", "Quote"},
		"syn.quote.hint":  {"Thêm đoạn này vào bản tổng hợp, kèm nguồn", "Add this paragraph to the synthesis, with its source"},
		"syn.save.draft":  {"Lưu nháp", "Save draft"},
		"syn.save.final":  {"Đưa vào báo cáo", "Put in the report"},
		"syn.state.draft": {"Bản nháp (chưa in)", "Draft (not printed)"},
		"syn.state.final": {"Đã đưa vào báo cáo", "In the report"},
		"syn.flash.draft": {"Đã lưu nháp bản tổng hợp.", "The synthesis draft is saved."},
		"syn.flash.final": {"Đã đưa bản tổng hợp vào báo cáo.", "The synthesis is in the report."},
		"syn.flash.mode":  {"Đã lưu cách in ý kiến các đơn vị.", "Where agencies' paragraphs are printed is saved."},
	} {
		messages[k] = v
	}
}

package dashboard

// reportRoutes: the yearly written report. Reading the consolidated report (screen, .docx,
// PDF) is for every viewer; answering is for the agency's analysts (requireAgency in each
// handler) and admins; SCT's synthesis is for those who may compile a round; outlines
// are for admins.
func (s *server) reportRoutes() []Route {
	return []Route{
		{"GET", "/report", AccessViewer, s.reportLatest},
		{"GET", "/answer", AccessAnalyst, s.answerOpen},
		{"GET", "/report/:year", AccessViewer, s.reportShow},
		{"GET", "/report/:year/report.docx", AccessViewer, s.reportDocx},
		{"GET", "/report/:year/report.pdf", AccessViewer, s.reportPDF},
		{"GET", "/report/:year/charts", AccessViewer, s.reportChartsShow},
		{"POST", "/report/:year/synthesis", AccessCompiler, s.reportSynthesisSave},
		{"POST", "/report/:year/synthesis-mode", AccessCompiler, s.reportSynthesisMode},
		{"GET", "/report/:year/answer/:agency", AccessAnalyst, s.reportAnswerShow},
		{"POST", "/report/:year/answer/:agency", AccessAnalyst, s.reportAnswerSave},
		{"GET", "/report/:year/answer/:agency/template.docx", AccessAnalyst, s.reportTemplateDocx},
		{"POST", "/report/:year/answer/:agency/upload", AccessAnalyst, s.reportUploadDocx},
		{"POST", "/report/:year/answer/:agency/upload/:id/confirm", AccessAnalyst, s.reportUploadConfirm},
		{"GET", "/admin/outlines", AccessAdmin, s.adminOutlinesList},
		{"POST", "/admin/outlines/copy", AccessAdmin, s.adminOutlineCopy},
		{"POST", "/admin/outlines/round", AccessAdmin, s.adminOutlineRound},
		{"GET", "/admin/outlines/:outline", AccessAdmin, s.adminOutlineShow},
		{"POST", "/admin/outlines/:outline", AccessAdmin, s.adminOutlineSave},
	}
}

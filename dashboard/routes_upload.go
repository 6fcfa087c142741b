package dashboard

// uploadRoutes: analysts' uploads and nil reports. Every handler that writes, or shows
// an upload, calls requireAgency (or requireUploadAccess) before doing anything.
func (s *server) uploadRoutes() []Route {
	return []Route{
		{"GET", "/upload", AccessAnalyst, s.uploadShow},
		{"POST", "/upload", AccessAnalyst, s.uploadSubmit},
		{"GET", "/uploads", AccessAnalyst, s.uploadsList},
		{"GET", "/uploads/:id", AccessAnalyst, s.uploadReport},
		{"GET", "/uploads/:id/file", AccessAnalyst, s.uploadFile},
		{"GET", "/uploads/:id/report.json", AccessAnalyst, s.uploadReportJSON},
		{"POST", "/uploads/:id/confirm", AccessAnalyst, s.uploadConfirm},
		{"POST", "/api/uploads", AccessAnalyst, s.uploadAPI},
		{"GET", "/template", AccessAnalyst, s.templateDownload},
		{"POST", "/nil-report", AccessAnalyst, s.nilReportSubmit},
	}
}

package ingest

import (
	"context"
	"testing"
	"time"

	rules "github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/queries"
)

func TestNilReportAndSubmissionStatus(t *testing.T) {
	t.Parallel()
	st, in := seeded(t)
	ctx := context.Background()
	// Round 2023: SCT's letter 3006/SCT-QLCN of 08/12/2023, due 20/12/2023.
	if err := st.SaveRounds(ctx, []queries.Round{{Year: 2023, LetterNo: "3006/SCT-QLCN", LetterDate: date(2023, 12, 8), Deadline: date(2023, 12, 20)}}); err != nil {
		t.Fatal(err)
	}
	// The seed letter: Ban Dân tộc had no assigned task.
	rep, err := in.NilReport(ctx, queries.NilReportRequest{Agency: "BDT", Year: 2023, LetterNo: "1234/BDT-CSDT",
		LetterDate: date(2023, 12, 15), Signer: "Nguyễn Thế Nhân", User: "bdt1"})
	if err != nil || rep.Outcome != queries.UploadAccepted {
		t.Fatalf("nil report: %+v, %v", rep, err)
	}
	// Without a letter number and signer it is refused, saying what is missing.
	rep, err = in.NilReport(ctx, queries.NilReportRequest{Agency: "BDT", Year: 2023, User: "bdt1"})
	if err != nil || rep.Outcome != queries.UploadRejected || len(rep.Errors) != 3 {
		t.Fatalf("incomplete nil report: %+v, %v", rep, err)
	}

	// BQL reports in time, then corrects after the deadline; CTK reports late.
	in.now = func() time.Time { return time.Date(2023, 12, 18, 9, 0, 0, 0, time.UTC) }
	ingestOK(t, in, queries.UploadRequest{FileName: "bql.csv", User: "bql1",
		Content: []byte(csvHeader + "zone_new_jobs,DQ,BQL,2023,100,người,actual,,\n")})
	in.now = func() time.Time { return time.Date(2024, 1, 5, 9, 0, 0, 0, time.UTC) }
	ingestOK(t, in, queries.UploadRequest{FileName: "bql-sua.csv", User: "bql1",
		Content: []byte(csvHeader + "zone_new_jobs,DQ,BQL,2023,120,người,actual,,\n")})
	ingestOK(t, in, queries.UploadRequest{FileName: "ctk.csv", User: "ctk1",
		Content: []byte(csvHeader + "grdp_growth,province_old,CTK,2023,\"7,65\",%,actual,,\n")})

	// A nil report is refused once the agency has figures.
	rep, _ = in.NilReport(ctx, queries.NilReportRequest{Agency: "BQL", Year: 2023, LetterNo: "1/BQL", LetterDate: date(2023, 12, 1), Signer: "X"})
	if len(errorCodes(rep)["nil_has_figures"]) != 1 {
		t.Fatalf("nil after figures: %+v", rep)
	}

	rows, err := st.ReportingRows(ctx, 2023, 2023)
	if err != nil {
		t.Fatal(err)
	}
	statuses := rules.Reporting(rows, 2023, 2023, time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC))
	got := map[string]rules.ReportStatus{}
	for _, s := range statuses {
		got[s.Agency] = s
	}
	want := map[string]string{"BDT": rules.ReportNil, "BQL": rules.ReportRevisedLate,
		"CTK": rules.ReportLate, "SCT": rules.ReportMissing}
	for a, w := range want {
		if got[a].State != w {
			t.Errorf("%s: state %q, want %q (%+v)", a, got[a].State, w, got[a])
		}
	}
	if !got["SCT"].Overdue || got["BDT"].Signer != "Nguyễn Thế Nhân" || got["BDT"].LetterNo != "1234/BDT-CSDT" {
		t.Errorf("SCT overdue %v; BDT %+v", got["SCT"].Overdue, got["BDT"])
	}
	if _, ok := got["SDTTG"]; ok {
		t.Error("SDTTG did not exist in 2023 and must not be listed")
	}
}

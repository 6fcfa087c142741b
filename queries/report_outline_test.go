package queries_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// The migration seeds the 2023 outline verbatim from the request letter's attachment.
func TestOutline2023Seeded(t *testing.T) {
	st := querytest.MustOpen(t)
	ctx := context.Background()
	o, err := st.RoundOutline(ctx, 2023)
	if err != nil {
		t.Fatal(err)
	}
	if o.Code != queries.DefaultOutline {
		t.Fatalf("round 2023 answers %q, want the seeded outline", o.Code)
	}
	var numbers []string
	kinds := map[string]string{}
	titles := map[string]string{}
	for _, it := range o.Items {
		numbers = append(numbers, it.Number)
		kinds[it.Number] = it.Kind
		titles[it.Number] = it.Title
	}
	// Part I as the outline writes it (migration 0701): "1. Kết quả thực hiện các chỉ tiêu
	// phát triển công nghiệp", then seven "-" bullets.
	want := []string{"I", "I.1", "I.1.1", "I.1.2", "I.1.3", "I.1.4", "I.1.5", "I.1.6", "I.1.7", "II", "II.1", "II.2", "II.3", "II.4", "II.4.1",
		"II.4.2", "II.5", "II.5.1", "II.5.2", "II.6", "II.6.1", "II.6.2", "II.7", "II.8", "III", "IV", "V"}
	if len(numbers) != len(want) {
		t.Fatalf("items %v, want %v", numbers, want)
	}
	for i := range want {
		if numbers[i] != want[i] {
			t.Fatalf("item %d is %s, want %s (order %v)", i, numbers[i], want[i], numbers)
		}
	}
	for _, it := range o.Items {
		if it.Guidance != "" && it.Number != "V" {
			t.Errorf("%s keeps guidance %q", it.Number, it.Guidance)
		}
		if strings.HasPrefix(it.Number, "I.1.") != (it.Label == "-") {
			t.Errorf("%s label %q", it.Number, it.Label)
		}
	}
	if titles["I.1"] != "Kết quả thực hiện các chỉ tiêu phát triển công nghiệp" {
		t.Errorf("I.1 is %q", titles["I.1"])
	}
	for num, k := range map[string]string{"I.1": "heading", "I.1.1": "figures", "II.4.1": "narrative", "II.7": "projects", "II.8": "policies", "V": "narrative", "II": "heading"} {
		if kinds[num] != k {
			t.Errorf("%s kind %q, want %q", num, kinds[num], k)
		}
	}
	if titles["II.4.1"] != "Huy động và sử dụng hiệu quả nguồn nhân lực cho ngành công nghiệp" ||
		titles["III"] != "Tồn tại hạn chế" {
		t.Errorf("titles not verbatim: %q / %q", titles["II.4.1"], titles["III"])
	}
}

// A round names its outline; a copy is edited without touching the original; editing an
// outline leaves answers already written with the title they were written under.
func TestOutlineCopyRoundAndAnswersKeepTitles(t *testing.T) {
	st := querytest.MustOpen(t)
	ctx := context.Background()
	if err := st.SetRoundOutline(ctx, 2026, "DC-NONE"); !errors.Is(err, queries.ErrOutlineUnknown) {
		t.Fatalf("unknown outline accepted: %v", err)
	}
	if err := st.CopyOutline(ctx, queries.DefaultOutline, "DC-2026", "Đề cương 2026"); err != nil {
		t.Fatal(err)
	}
	if err := st.CopyOutline(ctx, queries.DefaultOutline, "DC-2026", "again"); err == nil {
		t.Fatal("copy over an existing outline accepted")
	}
	if err := st.SetRoundOutline(ctx, 2026, "DC-2026"); err != nil {
		t.Fatal(err)
	}
	ans := queries.ReportAnswer{Year: 2026, Agency: "SXD", State: queries.AnswerDraft, Source: "web", SavedBy: "u",
		Items: []queries.AnswerItem{{Number: "III", Title: "Tồn tại hạn chế", Text: "Thiếu vốn."}}}
	if err := st.SaveReportAnswers(ctx, ans); err != nil {
		t.Fatal(err)
	}
	o, _ := st.OutlineByCode(ctx, "DC-2026")
	for i := range o.Items {
		if o.Items[i].Number == "III" {
			o.Items[i].Title = "Tồn tại, hạn chế và nguyên nhân"
		}
	}
	o.Items = append(o.Items, queries.OutlineItem{Number: "VI", Position: 30, Kind: queries.ItemNarrative, Title: "Mục mới"})
	if err := st.SaveOutline(ctx, o); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteOutlineItem(ctx, "DC-2026", "II.8"); err != nil {
		t.Fatal(err)
	}
	now, err := st.RoundOutline(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	last := now.Items[len(now.Items)-1]
	if now.Code != "DC-2026" || last.Number != "VI" || len(now.Items) != 27 {
		t.Fatalf("edited copy: code %s, %d items, last %s", now.Code, len(now.Items), last.Number)
	}
	orig, _ := st.OutlineByCode(ctx, queries.DefaultOutline)
	if len(orig.Items) != 27 { // 0401 and 0701: part I has its "1." line
		t.Fatalf("the original changed with its copy: %d items", len(orig.Items))
	}
	got, err := st.ReportAnswer(ctx, 2026, "SXD", 0)
	if err != nil {
		t.Fatal(err)
	}
	if it, _ := got.Item("III"); it.Title != "Tồn tại hạn chế" || it.Text != "Thiếu vốn." {
		t.Fatalf("answer rewritten by the outline edit: %+v", it)
	}
}

// Drafts come back; submitting and revising append versions; the newest one is read at
// once (no merge needed), and each older version can still be read.
func TestReportAnswerVersions(t *testing.T) {
	st := querytest.MustOpen(t)
	ctx := context.Background()
	if _, err := st.ReportAnswer(ctx, 2026, "SXD", 0); !errors.Is(err, queries.ErrAnswerNone) {
		t.Fatalf("no answer yet: %v", err)
	}
	d := time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC)
	pct := 45.5
	draft := queries.ReportAnswer{Year: 2026, Agency: "SXD", State: queries.AnswerDraft, Source: "web", SavedBy: "a",
		Letter:   queries.AnswerLetter{Number: "12/SXD-KT", Date: &d, Signer: "Nguyễn Văn A", Position: "PHÓ GIÁM ĐỐC"},
		Items:    []queries.AnswerItem{{Number: "II.1", Title: "t", Text: "Đoạn một.\n- ý một\n- ý hai"}, {Number: "II.2", Nothing: true}},
		Projects: []queries.ProjectProgress{{Project: "VSIP2", Status: "đang thi công", Percent: &pct, Milestones: "khởi công 12/3/2025"}},
		Policies: []queries.PolicyDoc{{Key: "1", Number: "05/2026/QĐ-UBND", Date: &d, Title: "Quy chế CCN", Issuer: "UBND tỉnh", Status: queries.PolicyIssued}}}
	if err := st.SaveReportAnswers(ctx, draft); err != nil {
		t.Fatal(err)
	}
	got, err := st.ReportAnswer(ctx, 2026, "SXD", 0)
	if err != nil {
		t.Fatal(err)
	}
	if got.State != queries.AnswerDraft || got.Letter.Signer != "Nguyễn Văn A" || len(got.Items) != 2 ||
		got.Projects[0].Percent == nil || *got.Projects[0].Percent != 45.5 || got.Policies[0].Status != "issued" {
		t.Fatalf("draft read back: %+v", got)
	}
	if it, _ := got.Item("II.2"); !it.Nothing {
		t.Fatal("'không có nội dung phát sinh' lost")
	}
	sub := draft
	sub.Version, sub.State = 0, queries.AnswerSubmitted
	if err := st.SaveReportAnswers(ctx, sub); err != nil {
		t.Fatal(err)
	}
	rev := sub
	rev.Version = 0
	rev.Items = []queries.AnswerItem{{Number: "II.1", Text: "Sửa lại."}}
	rev.Policies = nil
	if err := st.SaveReportAnswers(ctx, rev); err != nil {
		t.Fatal(err)
	}
	now, _ := st.ReportAnswer(ctx, 2026, "SXD", 0)
	if now.State != queries.AnswerSubmitted || len(now.Items) != 1 || now.Items[0].Text != "Sửa lại." || len(now.Policies) != 0 {
		t.Fatalf("revision read back: %+v", now)
	}
	hist, err := st.ReportAnswerHistory(ctx, 2026, "SXD")
	if err != nil || len(hist) != 3 || hist[0].State != "draft" || hist[2].State != "submitted" {
		t.Fatalf("history %+v %v", hist, err)
	}
	first, err := st.ReportAnswer(ctx, 2026, "SXD", hist[0].Version)
	if err != nil || len(first.Policies) != 1 {
		t.Fatalf("first version: %+v %v", first, err)
	}
	all, err := st.CurrentReportAnswers(ctx, 2026, false)
	if err != nil || len(all) != 1 || all[0].Version != now.Version {
		t.Fatalf("current answers %+v %v", all, err)
	}
}

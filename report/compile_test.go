package report

import (
	"strings"
	"testing"

	"github.com/quangngai/chitieu/domain"
)

// Only submitted answers are compiled; a nil reply and a missing agency land in the
// annex; the round is partial while someone is missing.
func TestCompileSectionsAndAnnex(t *testing.T) {
	in := sampleInput(t)
	m := Compile(in)
	if !m.Partial || m.Expected != 3 || m.Answered != 2 || len(m.Missing) != 1 || m.Missing[0] != "Sở Tài chính" {
		t.Fatalf("annex: partial %v %d/%d missing %v", m.Partial, m.Answered, m.Expected, m.Missing)
	}
	if len(m.Nil) != 1 || m.Nil[0].Signer != "Nguyễn Thế Nhân" || m.Nil[0].Note != "không được giao nhiệm vụ" {
		t.Fatalf("nil replies %+v", m.Nil)
	}
	var ii1, ii41 Section
	for _, s := range m.Sections {
		switch s.Item.Number {
		case "II.1":
			ii1 = s
		case "II.4.1":
			ii41 = s
		}
	}
	if len(ii1.Entries) != 1 || ii1.Entries[0].AgencyName != "Sở Xây dựng" || len(ii1.Entries[0].Blocks) != 3 || !ii1.Entries[0].Blocks[1].Bullet {
		t.Fatalf("II.1 %+v", ii1)
	}
	if len(ii41.Entries) != 1 || !ii41.Entries[0].Nothing {
		t.Fatalf("II.4.1 nothing-to-report lost: %+v", ii41)
	}
	if len(m.Projects) != 1 || m.Projects[0].Percent != "80 %" || len(m.Policies) != 1 || m.Policies[0].Status != "Đã ban hành" {
		t.Fatalf("tables %+v %+v", m.Projects, m.Policies)
	}
	// A draft is not compiled.
	in.Answers[0].State = "draft"
	if m2 := Compile(in); len(m2.Replies) != 0 || m2.Answered != 1 {
		t.Fatalf("draft compiled: %+v", m2.Replies)
	}
	f := m.Filter("", "tờ rơi")
	for _, s := range f.Sections {
		if s.Item.Number != "II.1" && len(s.Entries) > 0 {
			t.Fatalf("search kept %s", s.Item.Number)
		}
	}
	if m.Filter("BDT", "").Sections[3].Entries != nil {
		t.Fatal("agency filter kept another agency's text")
	}
}

// The annex and the entries follow the administrative order (Sở, then Ban, then the
// statistics office, then UBND), not the order of the agency codes.
func TestCompileAdministrativeOrder(t *testing.T) {
	in := sampleInput(t)
	in.Agencies = []domain.Agency{{Code: "BDT", NameVI: "Ban Dân tộc"}, {Code: "CTK", NameVI: "Thống kê tỉnh", Level: "central_branch"},
		{Code: "SCT", NameVI: "Sở Công Thương"}, {Code: "STC", NameVI: "Sở Tài chính"}, {Code: "SXD", NameVI: "Sở Xây dựng"},
		{Code: "UBND-BS", NameVI: "UBND huyện Bình Sơn", Level: "district"}, {Code: "BQL", NameVI: "Ban Quản lý KKT Dung Quất"}}
	m := Compile(in)
	want := []string{"Sở Tài chính", "Ban Quản lý KKT Dung Quất", "Thống kê tỉnh", "UBND huyện Bình Sơn"}
	if strings.Join(m.Missing, "|") != strings.Join(want, "|") {
		t.Errorf("missing agencies in the wrong order:\n got %v\nwant %v", m.Missing, want)
	}
}

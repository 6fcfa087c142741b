package ingest

import (
	"context"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

func date(y int, m time.Month, d int) *time.Time {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return &t
}

// seeded returns a fresh database with a small real catalogue and the seed assignments.
func seeded(t testing.TB) (*queries.Store, *Ingester) {
	t.Helper()
	st := querytest.MustOpen(t)
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(st.SaveIndicators(ctx, []queries.Indicator{
		{Code: "grdp_growth", OutlineSection: "context", NameVI: "Tốc độ tăng trưởng GRDP", Unit: "%", Kind: "rate", Aggregation: "none", SortOrder: 1},
		{Code: "industry_services_share_grdp", OutlineSection: "I.1", NameVI: "Tỷ trọng công nghiệp - dịch vụ trong GRDP", Unit: "%", Kind: "share", Aggregation: "none", SortOrder: 2},
		{Code: "investment_new_projects", OutlineSection: "I.1", NameVI: "Số dự án đầu tư cấp mới", Unit: "dự án", Kind: "count", Aggregation: "sum", SortOrder: 3},
		{Code: "investment_new_capital", OutlineSection: "I.1", NameVI: "Vốn đăng ký cấp mới", Unit: "tỷ đồng", Kind: "money", Aggregation: "sum", SortOrder: 4},
		{Code: "ip_wastewater_compliance", OutlineSection: "I.1", NameVI: "Tỷ lệ KCN có hệ thống xử lý nước thải tập trung đạt chuẩn", Unit: "%", Kind: "share", Aggregation: "derived", SortOrder: 6},
		{Code: "zone_new_jobs", OutlineSection: "context", NameVI: "Lao động tuyển mới trong KKT và các KCN", Unit: "người", Kind: "count", Aggregation: "sum", SortOrder: 5},
	}))
	must(st.SaveScopes(ctx, []queries.Scope{
		{Code: "province_old", NameVI: "Tỉnh Quảng Ngãi (trước 1/7/2025)", Kind: "province", ValidTo: date(2025, 6, 30), Successor: "province_new"},
		{Code: "province_new", NameVI: "Tỉnh Quảng Ngãi (từ 1/7/2025)", Kind: "province", ValidFrom: date(2025, 7, 1)},
		{Code: "zones_bql", NameVI: "Các khu do BQL quản lý", Kind: "zone_group"},
	}))
	must(st.SaveZones(ctx, []queries.Zone{
		{Code: "DQ", NameVI: "Khu kinh tế Dung Quất", Type: "EZ", Status: "operating"},
		{Code: "VSIP1", NameVI: "KCN - Đô thị - Dịch vụ VSIP Quảng Ngãi", Type: "IP", Parent: "DQ", Status: "operating"},
		{Code: "KCN-QP", NameVI: "KCN Quảng Phú", Type: "IP", Status: "operating"},
		{Code: "CCN-TAT", NameVI: "CCN làng nghề Tịnh Ấn Tây", Type: "IC", Status: "operating"},
	}))
	must(st.SaveAgencies(ctx, []queries.Agency{
		{Code: "SCT", NameVI: "Sở Công Thương", Level: "province"},
		{Code: "BQL", NameVI: "Ban Quản lý KKT Dung Quất và các KCN Quảng Ngãi", Level: "province"},
		{Code: "CTK", NameVI: "Cục Thống kê tỉnh", Level: "central_branch"},
		{Code: "BDT", NameVI: "Ban Dân tộc", Level: "province", ValidTo: date(2025, 2, 28), Successor: "SDTTG"},
		{Code: "SDTTG", NameVI: "Sở Dân tộc và Tôn giáo", Level: "province", ValidFrom: date(2025, 3, 1)},
	}))
	must(st.SavePlans(ctx, []queries.Plan{
		{Code: "QD998-2021", NameVI: "Kế hoạch phát triển công nghiệp 2021-2025", PeriodStart: 2021, PeriodEnd: 2025},
		{Code: "DH-2025", NameVI: "Nghị quyết Đại hội 2025-2030", PeriodStart: 2026, PeriodEnd: 2030},
	}))
	must(SeedAssignments(ctx, st))
	return st, New(st, Limits{})
}

func ingestOK(t *testing.T, in *Ingester, req queries.UploadRequest) queries.IngestReport {
	t.Helper()
	rep, err := in.Ingest(context.Background(), req)
	if err != nil {
		t.Fatalf("ingest %s: %v", req.FileName, err)
	}
	return rep
}

func errorCodes(rep queries.IngestReport) map[string][]string {
	out := map[string][]string{}
	for _, e := range rep.Errors {
		out[e.Code] = append(out[e.Code], e.Location)
	}
	return out
}

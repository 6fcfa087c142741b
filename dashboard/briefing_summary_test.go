package dashboard

import (
	"os/exec"
	"strings"
	"testing"
)

// Issue 11 §8: page 1 of the briefing opens on one paragraph with the scorecard's
// counts (the same numbers as the overview), and the targeted rows come before the
// context ones — on the page and in its PDF, in both languages.
func TestBriefingSummaryCounts(t *testing.T) {
	base, _ := startTestServer(t, nil)
	want := map[string][]string{
		"vi": {"Kế hoạch", "Năm đánh giá 2025", "0 đạt, 0 tạm đạt, 0 có nguy cơ, 1 không đạt, 2 không đánh giá được, 1 chưa có số liệu",
			"chỉ tiêu tham khảo"},
		"en": {"Plan", "Evaluation year 2025", "0 met, 0 provisionally met, 0 at risk, 1 not met, 2 cannot be judged, 1 no data yet",
			"context indicators"},
	}
	noTarget := map[string]string{"vi": "Chưa có mục tiêu", "en": "No target"}
	for lg, wants := range want {
		body := fetch(t, base+"/briefing?plan=DHXX-2020&year=2025&lang="+lg).Body
		i := strings.Index(body, `class="summary-lead"`)
		if i < 0 {
			t.Fatalf("%s: no summary paragraph", lg)
		}
		lead := pageText(body[i : i+strings.Index(body[i:], "</p>")])
		mustContain(t, lg+" summary", lead, wants...)
		// The same counts as the overview's scorecard.
		ov := pageText(fetch(t, base+"/?plan=DHXX-2020&year=2025&lang="+lg).Body)
		for _, part := range strings.Split(wants[2], ", ") {
			if !strings.Contains(ov, part) {
				t.Errorf("%s: overview scorecard lacks %q that the briefing says", lg, part)
			}
		}
		// Summary paragraph before the table; targeted rows before every untargeted one.
		ti := strings.Index(body, `id="table-briefing"`)
		if ti < 0 || i > ti {
			t.Fatalf("%s: the summary (at %d) must come before the table (at %d)", lg, i, ti)
		}
		rows := pageText(body[ti : ti+strings.Index(body[ti:], "</table>")])
		first := strings.Index(rows, noTarget[lg])
		if first < 0 || !strings.Contains(rows[:first], ", DHXX-2020") {
			t.Fatalf("%s: want targeted rows then untargeted ones: %s", lg, rows)
		}
		if strings.Contains(rows[first:], ", DHXX-2020") {
			t.Errorf("%s: a targeted row after an untargeted one: %s", lg, rows)
		}
	}
	r := fetch(t, base+"/briefing.pdf?plan=DHXX-2020&year=2025")
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = strings.NewReader(r.Body)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	page1, _, _ := strings.Cut(string(out), "\f")
	page1 = strings.Join(strings.Fields(page1), " ")
	mustContain(t, "PDF page 1", page1, "1 không đạt, 2 không đánh giá được, 1 chưa có số liệu")
}

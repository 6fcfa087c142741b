package dashboard

import (
	"regexp"
	"strings"
	"testing"
)

// Issue 21.11: /zones ranked zones that have no figure; a count chart stepped by
// halves and printed its unit twice.
func TestSmallerThingsLeadersNoticed(t *testing.T) {
	base, _ := startTestServer(t, nil)
	body := fetch(t, base+"/zones").Body
	tbl := body[strings.Index(body, `id="table-zones"`):]
	tbl = tbl[:strings.Index(tbl, "</table>")]
	for _, row := range regexp.MustCompile(`(?s)<tr>(.*?)</tr>`).FindAllStringSubmatch(tbl, -1)[1:] {
		cells := regexp.MustCompile(`(?s)<td[^>]*>(.*?)</td>`).FindAllStringSubmatch(row[1], -1)
		if len(cells) < 9 {
			continue
		}
		rank, metric := pageText(cells[0][1]), pageText(cells[8][1])
		if metric == "—" && rank != "—" {
			t.Errorf("zone %s ranked %s without a figure", pageText(cells[2][1]), rank)
		}
	}
	o := chartOption(t, fetch(t, base+"/review").Body, "review-counts")
	x := o["xAxis"].([]any)[0].(map[string]any)
	if x["minInterval"] != 1.0 || x["name"] != nil {
		t.Errorf("counts axis %v: want whole steps and no second unit", x)
	}
}

// Issue 21.11: the plan selector wrote a one-year plan as "(2025–2025)".
func TestPlanSelectorPeriods(t *testing.T) {
	base, _ := startTestServer(t, nil)
	text := pageText(fetch(t, base+"/?plan=KH-2025").Body)
	if strings.Contains(text, "2025–2025") || strings.Contains(text, "2024–2024") {
		t.Error("a one-year plan is written as a range of one year")
	}
	mustContain(t, "selector", text, "kinh tế - xã hội năm 2025 (2025)", "(2021–2025)")
}

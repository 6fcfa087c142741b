package dashboard

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

// TestAdminTargetLoneThousandsIsAmbiguous: a target written "1.500" the Vietnamese way
// is not silently 1.5 (admin files had their own looser number reader): the file is
// refused at its cell and nothing is written.
func TestAdminTargetLoneThousandsIsAmbiguous(t *testing.T) {
	t.Parallel()
	e := newAcctEnv(t, false)
	admin := e.as(tAdmin)
	body := "indicator,scope,kind,comparator,value_min\ninvestment_new_capital,province_old,cumulative,at_least,1.500\n"
	resp := e.upPost(admin, "/admin/plans/P_TEST/targets/upload", "t.csv", []byte(body), nil)
	text := readBody(t, resp)
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(text, `dòng 2, cột &#34;value_min&#34;`) && !strings.Contains(text, `dòng 2, cột &quot;value_min&quot;`) ||
		!strings.Contains(text, "1500") {
		t.Fatalf("%d\n%s", resp.StatusCode, text)
	}
	if got, _ := e.st.Targets(context.Background(), tPlan); len(got) != 0 {
		t.Fatalf("written: %+v", got)
	}
}

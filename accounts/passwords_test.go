package accounts

import (
	"strings"
	"testing"
)

// One hash at full production cost; the other tests hash cheaply (querytest.Main).
func TestPasswordHashVerifies(t *testing.T) {
	t.Parallel()
	h, err := hashWith("đúng mật khẩu", &productionCost)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=65536,t=2,p=2$") {
		t.Fatalf("hash %q is not an argon2id PHC string", h)
	}
	if !VerifyPassword(h, "đúng mật khẩu") {
		t.Fatal("right password refused")
	}
	for _, bad := range []string{"sai", "", "đúng mật khẩu "} {
		if VerifyPassword(h, bad) {
			t.Fatalf("wrong password %q accepted", bad)
		}
	}
	for _, phc := range []string{"", "$argon2id$", "$argon2id$v=19$m=1,t=1,p=1$$", "$bcrypt$x$y$z$w"} {
		if VerifyPassword(phc, "") {
			t.Fatalf("malformed hash %q matched", phc)
		}
	}
	if p := RandomPassword(); len(p) != 20 || p == RandomPassword() {
		t.Fatalf("RandomPassword = %q", p)
	}
}

package dashboard

import (
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"
)

func TestLocalPath(t *testing.T) {
	for in, want := range map[string]string{
		"/":                          "/",
		"/zones":                     "/zones",
		"/?plan=DHXX-2020":           "/?plan=DHXX-2020",
		"/zones?location=Quất":       "/zones?location=Qu%E1%BA%A5t",
		"/a%20b":                     "/a%20b",
		"":                           "/",
		"zones":                      "/",
		"//evil.example":             "/",
		"/\\evil.example":            "/",
		"/\t/evil.example":           "/",
		"/%2F/evil.example":          "/",
		"/%5cevil.example":           "/",
		"/%0a/evil.example":          "/",
		"/x%zz":                      "/",
		"/x\x00":                     "/",
		"/x y":                       "/",
		"/x\u2028y":                  "/",
		"/\xc3\x28":                  "/",
		"https://evil.example/":      "/",
		"/zones?next=//evil.example": "/zones?next=//evil.example", // a query value, not a target
	} {
		if got := localPath(in); got != want {
			t.Errorf("localPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCookieAndHeaderValues(t *testing.T) {
	for _, v := range []string{"en\r\nX: y", "en\n", "en\x00", "en; Domain=evil.example", "tiếng", "a b", `"q"`, "a,b", `a\b`} {
		if cookieValueOK(v) {
			t.Errorf("cookieValueOK(%q) = true", v)
		}
	}
	for _, v := range []string{"vi", "en", "abc-_.~0123456789"} {
		if !cookieValueOK(v) {
			t.Errorf("cookieValueOK(%q) = false", v)
		}
	}
	for _, v := range []string{"a\rb", "a\nb", "a\x00b", "a\x7fb", "tệp"} {
		if headerValueOK(v) {
			t.Errorf("headerValueOK(%q) = true", v)
		}
	}
}

// TestHeaderGuard: a header or cookie set without the helpers, holding a NUL or a
// newline, never leaves the server: the response is replaced by an error.
func TestHeaderGuard(t *testing.T) {
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Use(headerGuard)
	app.Get("/nul", func(c *fiber.Ctx) error {
		c.Set("X-Test", "a\x00X-Injected: 1")
		return c.SendString("secret")
	})
	app.Get("/cookie", func(c *fiber.Ctx) error {
		c.Cookie(&fiber.Cookie{Name: "k", Value: "v\r\nX-Injected: 1"})
		return c.SendString("secret")
	})
	app.Get("/fine", func(c *fiber.Ctx) error {
		if err := setCookie(c, &fiber.Cookie{Name: "k", Value: "v;Domain=evil.example"}); err == nil {
			t.Error("setCookie took a value with ';'")
		}
		return setDownload(c, "text/csv", "báo cáo \"2025\";\r\n.csv")
	})
	addr := listenApp(t, app)
	for _, p := range []string{"/nul", "/cookie"} {
		head, body := rawDo(t, addr, "GET", p, nil, "")
		checkRawHead(t, p, head)
		if rawStatus(head) != "500" || strings.Contains(body, "secret") {
			t.Errorf("%s: %s %q", p, rawStatus(head), body)
		}
	}
	head, _ := rawDo(t, addr, "GET", "/fine", nil, "")
	checkRawHead(t, "/fine", head)
	if want := `Content-Disposition: attachment; filename="bao cao _2025____.csv"; filename*=UTF-8''b%C3%A1o%20c%C3%A1o%20%222025%22%3B__.csv`; !strings.Contains(head, want) {
		t.Errorf("/fine: no %s in\n%s", want, head)
	}
}

package dashboard

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"
)

// Every response header that carries anything derived from a request goes through
// the helpers in this file: setHeader (Content-Type, Content-Disposition and the
// rest), setCookie, redirect (Location), setDownload (RFC 6266 / 5987 file names).
// fasthttp writes header values and cookies as given, so a CR, LF or NUL that got
// through would split the response; headerGuard then checks the finished response
// as a second line, so a header set anywhere else cannot split it either.

var errUnsafeHeader = errors.New("response header with a control character")

// headerValueOK: printable ASCII and TAB only. Non-ASCII has no meaning in HTTP/1.1
// field values (RFC 9110 §5.5, obs-text) and is encoded by the callers instead.
func headerValueOK[T ~string | ~[]byte](v T) bool {
	for i := 0; i < len(v); i++ {
		if b := v[i]; b < 0x20 && b != '\t' || b >= 0x7f {
			return false
		}
	}
	return true
}

// setHeader sets a header, refusing (500, logged) a value that could split the response.
func setHeader(c *fiber.Ctx, key, value string) error {
	if !headerValueOK(value) {
		return errUnsafeHeader
	}
	c.Set(key, value)
	return nil
}

// cookieValueOK: RFC 6265 cookie-octet: no controls, whitespace, DQUOTE, comma,
// semicolon or backslash, ASCII only, so a value cannot add attributes or cookies.
func cookieValueOK(v string) bool {
	for i := 0; i < len(v); i++ {
		b := v[i]
		if b <= 0x20 || b >= 0x7f || b == '"' || b == ',' || b == ';' || b == '\\' {
			return false
		}
	}
	return true
}

// setCookie sets a cookie whose name, value and path are all plain cookie octets.
func setCookie(c *fiber.Ctx, ck *fiber.Cookie) error {
	if ck.Name == "" || !cookieValueOK(ck.Name) || strings.ContainsRune(ck.Name, '=') || !cookieValueOK(ck.Value) ||
		!cookieValueOK(ck.Path) || !cookieValueOK(ck.Domain) {
		return errUnsafeHeader
	}
	c.Cookie(ck)
	return nil
}

// redirect answers 303 with a Location on this site: loc goes through localPath, and
// anything it refuses sends the browser to the overview instead.
func redirect(c *fiber.Ctx, loc string) error {
	return c.Redirect(localPath(loc), fiber.StatusSeeOther)
}

// localPath returns target if it can only mean a path on this host, else "/".
// Accepted: "/" alone, or "/" then a path character (RFC 3986 pchar) or the "?" of a
// query on the overview, with no control
// or whitespace character, no backslash and valid UTF-8 anywhere, also after one
// round of percent-decoding (a browser strips TAB and newlines and reads "\" as "/",
// so "/\t/evil.example" and "/\evil.example" both lead off-site).
func localPath(target string) string {
	if !pathShapeOK(target, true) {
		return "/"
	}
	// The path once decoded too: "/%2F/evil.example" or "/%5Cevil.example" must not
	// turn into "//" or "\\" for whatever decodes it next (a space, "%20", may stay).
	p, _, _ := strings.Cut(target, "?")
	dec, err := url.PathUnescape(p)
	if err != nil || !pathShapeOK(dec, false) {
		return "/"
	}
	u, err := url.Parse(target)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" || !strings.HasPrefix(u.Path, "/") {
		return "/"
	}
	// Non-ASCII letters are sent percent-encoded; the header stays ASCII.
	var b strings.Builder
	for i := 0; i < len(target); i++ {
		if ch := target[i]; ch >= 0x80 {
			fmt.Fprintf(&b, "%%%02X", ch)
		} else {
			b.WriteByte(ch)
		}
	}
	return b.String()
}

// pathShapeOK: "/" alone, or "/" then a path character or "?"; valid UTF-8; no
// control character or backslash; and unless decoded, no whitespace at all.
func pathShapeOK(p string, raw bool) bool {
	if p == "/" {
		return true
	}
	if len(p) < 2 || p[0] != '/' || !(isPathChar(p[1]) || p[1] == '?' || !raw && p[1] == ' ') || !utf8.ValidString(p) {
		return false
	}
	for _, r := range p {
		if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == '\\' || raw && unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// isPathChar: RFC 3986 pchar (unreserved, sub-delims, ":", "@", and "%" of a
// percent-encoding), plus the start of a non-ASCII letter.
func isPathChar(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80 ||
		strings.IndexByte("-._~!$&'()*+,;=:@%", b) >= 0
}

// setDownload sets Content-Type and a Content-Disposition that saves the body under
// name (RFC 6266: an ASCII fallback, and RFC 5987 filename* with the exact UTF-8).
func setDownload(c *fiber.Ctx, contentType, name string) error {
	if err := setHeader(c, fiber.HeaderContentType, contentType); err != nil {
		return err
	}
	// Control characters have no place in a file name, not even percent-encoded.
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 {
			return '_'
		}
		return r
	}, strings.ToValidUTF8(name, "_"))
	return setHeader(c, fiber.HeaderContentDisposition, attachment(name))
}

// headerGuard is the second line: after the handler, no header or cookie may hold a
// control character or a non-ASCII byte. If one does (a header set without the
// helpers above), the response is thrown away and the error page sent instead.
func headerGuard(c *fiber.Ctx) error {
	err := c.Next()
	if responseHeadersOK(c) {
		return err
	}
	c.Response().Reset()
	writeSecurityHeaders(c)
	return errUnsafeHeader
}

func responseHeadersOK(c *fiber.Ctx) bool {
	h := &c.Response().Header
	ok := true
	h.VisitAll(func(k, v []byte) {
		ok = ok && headerValueOK(k) && headerValueOK(v)
	})
	h.VisitAllCookie(func(k, v []byte) {
		ok = ok && headerValueOK(k) && headerValueOK(v)
	})
	return ok
}

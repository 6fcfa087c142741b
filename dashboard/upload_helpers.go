package dashboard

import (
	"fmt"
	"io"
	"mime/multipart"
	"path"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/queries"
)

// errIngestOff answers the upload routes of an app built without the ingest functions.
var errIngestOff = domain.NewError(domain.Unavailable, "http.ingest.off")

// uploadAgency is the agency a request writes for: the field it sent, or the only
// agency of an analyst who sent none; refused (and the refusal audited, by
// requireAgency) unless the user may act for it.
func uploadAgency(c *fiber.Ctx, given string) (string, error) {
	a, err := namedAgency(c, given)
	if err != nil {
		return "", err
	}
	if err := requireAgency(c, a); err != nil {
		return "", err
	}
	return a, nil
}

// namedAgency is uploadAgency before the permission check.
func namedAgency(c *fiber.Ctx, given string) (string, error) {
	a := strings.TrimSpace(given)
	if a == "" {
		if u := currentUser(c); u != nil && !u.IsAdmin() && len(u.Agencies) == 1 {
			return u.Agencies[0], nil
		}
		return "", domain.NewError(domain.Invalid, "http.agency.none")
	}
	if len(a) > 64 || strings.IndexFunc(a, func(r rune) bool {
		return !(r == '-' || r == '_' || r == '.' || r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)))
	}) >= 0 {
		return "", domain.NewError(domain.Invalid, "http.agency.badcode", upShorten(a))
	}
	return strings.Clone(a), nil
}

// uploadYear reads a year field; empty is 0 unless required.
func uploadYear(s string, required bool) (uint16, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		if required {
			return 0, domain.NewError(domain.Invalid, "http.year.none")
		}
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || !plan.ValidYear(n) {
		return 0, domain.NewError(domain.Invalid, "http.year.bad", upShorten(s))
	}
	return uint16(n), nil
}

// uploadFlag reads a yes/no field such as dry_run.
func uploadFlag(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "0", "false", "no", "off", "không":
		return false, nil
	case "1", "true", "yes", "on", "có":
		return true, nil
	}
	return false, domain.NewError(domain.Invalid, "http.flag.bad", upShorten(s))
}

// uploadFormFile reads the form's file. The body limit (app.go) bounds its size; the
// ingester decides whether it is too large, so that even that file is recorded.
func uploadFormFile(c *fiber.Ctx, field string) (name string, content []byte, err error) {
	return formFileOr(c, field, domain.NewError(domain.Invalid, "http.file.none"))
}

// formFileOr is uploadFormFile answering missing when the form has no file.
func formFileOr(c *fiber.Ctx, field string, missing error) (name string, content []byte, err error) {
	fh, err := c.FormFile(field)
	if err != nil {
		return "", nil, missing
	}
	content, err = readFormFile(fh)
	if err != nil {
		return "", nil, domain.NewError(domain.Invalid, "http.file.unreadable")
	}
	return cleanFileName(fh.Filename), content, nil
}

func readFormFile(fh *multipart.FileHeader) ([]byte, error) {
	f, err := fh.Open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// cleanFileName keeps the base name a browser sent (some send a whole Windows path),
// as valid UTF-8 without control characters, at most 200 bytes.
func cleanFileName(n string) string {
	n = strings.ToValidUTF8(n, "_")
	n = path.Base(strings.ReplaceAll(n, "\\", "/"))
	n = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, n)
	n = strings.TrimSpace(n)
	if n == "" || n == "." || n == "/" || n == ".." {
		return "tep-tai-len"
	}
	if len(n) > 200 {
		cut := 200
		for cut > 0 && !utf8.RuneStart(n[cut]) {
			cut--
		}
		n = n[:cut]
	}
	return strings.Clone(n)
}

// attachment is a Content-Disposition that saves the file under its name: an ASCII
// fallback (accents dropped, anything unsafe replaced) and the exact UTF-8 name.
func attachment(name string) string {
	var ascii, enc strings.Builder
	for _, r := range name {
		r = foldVietnamese(r)
		switch {
		case r < 0x20 || r >= 0x7f || r == '"' || r == '\\' || r == '/' || r == ';':
			ascii.WriteByte('_')
		default:
			ascii.WriteRune(r)
		}
	}
	for _, b := range []byte(name) {
		if b < 0x80 && (b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || strings.IndexByte("-._~", b) >= 0) {
			enc.WriteByte(b)
		} else {
			fmt.Fprintf(&enc, "%%%02X", b)
		}
	}
	return `attachment; filename="` + ascii.String() + `"; filename*=UTF-8''` + enc.String()
}

// foldVietnamese drops the accents of a Vietnamese letter (ế → e, đ → d), for the
// ASCII fallback of a file name.
func foldVietnamese(r rune) rune {
	if r < 0x80 {
		return r
	}
	for _, g := range vnFold {
		if strings.ContainsRune(g[1], r) {
			return rune(g[0][0])
		}
	}
	return r
}

var vnFold = [][2]string{
	{"a", "àáạảãâầấậẩẫăằắặẳẵ"}, {"A", "ÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴ"},
	{"e", "èéẹẻẽêềếệểễ"}, {"E", "ÈÉẸẺẼÊỀẾỆỂỄ"},
	{"i", "ìíịỉĩ"}, {"I", "ÌÍỊỈĨ"},
	{"o", "òóọỏõôồốộổỗơờớợởỡ"}, {"O", "ÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠ"},
	{"u", "ùúụủũưừứựửữ"}, {"U", "ÙÚỤỦŨƯỪỨỰỬỮ"},
	{"y", "ỳýỵỷỹ"}, {"Y", "ỲÝỴỶỸ"},
	{"d", "đ"}, {"D", "Đ"},
}

// upShorten keeps echoed user input short in messages.
func upShorten(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	return string([]rune(s)[:40]) + "…"
}

// requireUploadAccess: an upload is seen or confirmed only by those who act for its
// agency; one without an agency (a CLI file rejected before one was known) by admins.
func requireUploadAccess(c *fiber.Ctx, u queries.Upload) error {
	if u.Agency == "" {
		if currentUser(c).IsAdmin() {
			return nil
		}
		return fiber.ErrForbidden
	}
	return requireAgency(c, u.Agency)
}

// uploadAgencies is who the user writes for: every agency for an admin, else the
// catalogue entries of the analyst's agencies (in their order).
func (s *server) uploadAgencies(c *fiber.Ctx) ([]queries.Agency, error) {
	all, err := s.Store.Agencies(c.UserContext())
	if err != nil {
		return nil, err
	}
	u := currentUser(c)
	if u.IsAdmin() {
		return all, nil
	}
	var out []queries.Agency
	for _, code := range u.Agencies {
		found := false
		for _, a := range all {
			if a.Code == code {
				out, found = append(out, a), true
				break
			}
		}
		if !found {
			out = append(out, queries.Agency{Code: code, NameVI: code})
		}
	}
	return out, nil
}

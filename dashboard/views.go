package dashboard

import (
	"bytes"
	"embed"
	"fmt"
	"github.com/quangngai/chitieu/locale"
	"html/template"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"
)

//go:embed templates/*.html
var templateFiles embed.FS

// views holds one parsed template set per page (layout + page).
type views struct {
	pages map[string]*template.Template
}

func parseTemplates() (*views, error) {
	names, err := fs.Glob(templateFiles, "templates/*.html")
	if err != nil {
		return nil, err
	}
	v := &views{pages: map[string]*template.Template{}}
	for _, n := range names {
		page := strings.TrimSuffix(path.Base(n), ".html")
		if page == "layout" || strings.HasPrefix(page, "_") {
			continue
		}
		// Files named _*.html are partials shared by every page.
		t, err := template.New("layout.html").Funcs(templateFuncs).ParseFS(templateFiles, "templates/layout.html", "templates/_*.html", n)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", page, err)
		}
		v.pages[page] = t
	}
	return v, nil
}

// pageData is what every page template gets.
type pageData struct {
	Title string
	Lang  string // vi or en
	Path  string // the current path, for the language switch and active menu
	Query string // the current query string without lang, to keep filters when switching language
	User  *User
	CSRF  string
	Data  any
	// Synthetic: the database holds synthetic rows; the layout says so (pages never show them).
	Synthetic bool
}

// T translates a message key into the page's language.
func (p pageData) T(key string) string { return translate(p.Lang, key) }

// render executes a page into the response.
func (s *server) render(c *fiber.Ctx, page string, d pageData) error {
	t, ok := s.views.pages[page]
	if !ok {
		return fmt.Errorf("no template %q", page)
	}
	if d.Lang == "" {
		d.Lang = lang(c)
	}
	d.Path = switchPath(c.Path())
	d.Query = queryWithout(c, "lang")
	d.User = currentUser(c)
	d.CSRF = csrfToken(c)
	var buf bytes.Buffer
	if err := t.Execute(&buf, d); err != nil {
		return fmt.Errorf("render %s: %w", page, err)
	}
	if err := setHeader(c, fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8); err != nil {
		return err
	}
	return c.Send(buf.Bytes())
}

// lang is the page language: ?lang=, then the lang cookie, then Vietnamese. Only
// "vi" or "en" is ever written back into the cookie; any other value is ignored.
func lang(c *fiber.Ctx) string {
	switch l := c.Query("lang"); l {
	case "vi", "en":
		_ = setCookie(c, &fiber.Cookie{Name: "lang", Value: l, Path: "/", MaxAge: 365 * 24 * 3600, SameSite: "Lax", HTTPOnly: true})
		return l
	}
	if c.Cookies("lang") == "en" {
		return "en"
	}
	return "vi"
}

// switchPath is the path the language link points at: the request path made
// canonical, so "//evil.example/x" or "/\\evil.example" cannot become a link off the site.
func switchPath(p string) string {
	p = strings.ReplaceAll(p, "\\", "/")
	if !utf8.ValidString(p) || strings.ContainsFunc(p, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return "/"
	}
	return path.Clean("/" + strings.TrimLeft(p, "/"))
}

func queryWithout(c *fiber.Ctx, drop string) string {
	q := fiber.AcquireArgs()
	defer fiber.ReleaseArgs(q)
	c.Context().QueryArgs().CopyTo(q)
	q.Del(drop)
	return q.String()
}

// Word words a catalogue message (a form's problem) in the page's language.
func (p pageData) Word(m locale.Message) string { return locale.Render(p.Lang, m) }

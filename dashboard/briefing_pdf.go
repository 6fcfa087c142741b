package dashboard

import (
	"context"
	"html"
	"os/exec"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/domain"
)

// pdfSlots bounds concurrent Chromium renders: each one is a browser process.
var pdfSlots = make(chan struct{}, 2)

// takeRenderSlot waits for a render slot, at most 60 s and never past ctx: a request
// given up or a build cancelled at shutdown stops waiting.
func takeRenderSlot(ctx context.Context) error {
	t := time.NewTimer(60 * time.Second)
	defer t.Stop()
	select {
	case pdfSlots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return fiber.ErrTooManyRequests
	}
}

func releaseRenderSlot() { <-pdfSlots }

// chromiumFlags work in containers and on intranet machines: no sandbox (often not
// permitted), no GPU, and nothing that would reach the internet.
var chromiumFlags = []chromedp.ExecAllocatorOption{
	chromedp.Flag("headless", true),
	chromedp.Flag("no-sandbox", true),
	chromedp.Flag("disable-gpu", true),
	chromedp.Flag("disable-quic", true),
	chromedp.Flag("no-first-run", true),
	chromedp.Flag("disable-background-networking", true),
	chromedp.Flag("disable-component-update", true),
	chromedp.Flag("disable-sync", true),
	chromedp.Flag("font-render-hinting", "none"),
}

// briefingPDF renders /briefing with the same query in headless Chromium and returns
// the PDF. Chromium loads the page from this very server (the connection's local
// address, never a host named by the request) with the caller's cookies, so it sees
// exactly what the caller sees.
func (s *server) briefingPDF(c *fiber.Ctx) error {
	lg := lang(c)
	f := readFilters(c)
	// Resolve the plan and year now, so the file name and the page agree.
	b, err := s.briefing(c.UserContext(), f, lg)
	if err != nil {
		return err
	}
	q := f
	q.Plan, q.Year = b.Plan.Code, b.Year
	return s.pagePDF(c, "/briefing?"+q.query()+"&lang="+lg, exportFileName("briefing", b.Meta, "")+".pdf")
}

// pagePDF renders a page of this server (path with its query) in headless Chromium
// and sends it as the named PDF.
func (s *server) pagePDF(c *fiber.Ctx, path, name string) error {
	lg := lang(c)
	bin, err := exec.LookPath(s.chromium())
	if err != nil {
		return domain.NewError(domain.Unavailable, "http.pdf.nochromium")
	}
	url := "http://" + c.Context().LocalAddr().String() + path
	cookie := string(c.Request().Header.Peek(fiber.HeaderCookie))
	if err := takeRenderSlot(c.UserContext()); err != nil {
		return err
	}
	defer releaseRenderSlot()
	pdf, err := renderPDF(c.UserContext(), bin, url, cookie, translate(lg, "briefing.page"))
	if err != nil {
		return err
	}
	if err := setDownload(c, "application/pdf", name); err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Send(pdf)
}

func (s *server) chromium() string {
	if s.ChromiumPath != "" {
		return s.ChromiumPath
	}
	return "chromium"
}

// pageFooter numbers the pages, "Trang 2/3" ("Page 2/3"); Chromium fills the spans.
// The word comes from the catalogue of messages, never from the request.
func pageFooter(word string) string {
	return `<div style="font-family: 'Noto Sans', 'DejaVu Sans', sans-serif; font-size: 8pt; color: #555; width: 100%; text-align: center;">` +
		html.EscapeString(word) + ` <span class="pageNumber"></span>/<span class="totalPages"></span></div>`
}

// renderPDF prints url to an A4 PDF once every chart on it is drawn, pages numbered
// "<pageWord> x/y" at the foot.
func renderPDF(parent context.Context, bin, url, cookie, pageWord string) ([]byte, error) {
	bctx, closePage, err := openChartsPage(parent, bin, url, cookie)
	if err != nil {
		return nil, err
	}
	defer closePage()
	// Lay the page out for paper and let the charts take their print width before printing.
	if err := chromedp.Do(bctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	})); err != nil {
		return nil, err
	}
	if _, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`window.dispatchEvent(new Event("beforeprint"))`)); err != nil {
		return nil, err
	}
	pdf, err := chromedp.Run(bctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize(),
		chromedp.PDFPrintBackground(), chromedp.PDFMargin(0.4),
		chromedp.PDFHeaderTemplate(`<span></span>`), chromedp.PDFFooterTemplate(pageFooter(pageWord))))
	if err != nil {
		return nil, err
	}
	return pdf, nil
}

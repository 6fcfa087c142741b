package dashboard

import (
	"context"
	"os"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// openChartsPage starts a headless Chromium (bin) in a throw-away profile, opens url
// as the signed-in user (cookie, forwarded as a header) and waits until every chart is
// drawn. The briefing PDF and the report's chart images both print from here. The
// render outlives a cancelled request by design (at most 60 s), so a browser is never
// left half-started; close ends the browser and removes its profile.
func openChartsPage(parent context.Context, bin, url, cookie string, extra ...chromedp.ExecAllocatorOption) (page context.Context, close func(), err error) {
	dir, err := os.MkdirTemp("", "chitieu-chromium-")
	if err != nil {
		return nil, nil, err
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(parent), 60*time.Second)
	opts := append(append([]chromedp.ExecAllocatorOption{chromedp.ExecPath(bin), chromedp.UserDataDir(dir)}, extra...), chromiumFlags...)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	bctx, bcancel := chromedp.NewContext(actx)
	close = func() {
		bcancel()
		acancel()
		cancel()
		os.RemoveAll(dir)
	}
	err = chromedp.Do(bctx,
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			if cookie == "" {
				return nil
			}
			if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
				return err
			}
			_, err := cdp.Call(ctx, t, network.SetExtraHTTPHeaders, network.SetExtraHTTPHeadersParams{Headers: network.Headers{"Cookie": cookie}})
			return err
		}),
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS(`body[data-charts-ready="true"]`)),
	)
	if err != nil {
		close()
		return nil, nil, err
	}
	return bctx, close, nil
}

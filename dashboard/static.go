package dashboard

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"path"
	"strings"

	"github.com/gofiber/fiber/v2"
)

//go:embed static
var staticFiles embed.FS

// asset is an embedded file served under a name that holds its checksum, so browsers
// may cache it for a year and a new build is fetched at once.
type asset struct {
	body        []byte
	contentType string
}

var (
	assets    = map[string]asset{}  // hashed name -> file
	assetURLs = map[string]string{} // logical path (js/charts.js) -> /static/hashed name
)

func init() {
	err := fs.WalkDir(staticFiles, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := staticFiles.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		logical := strings.TrimPrefix(p, "static/")
		ext := path.Ext(logical)
		base := strings.TrimSuffix(path.Base(logical), ext)
		hashed := base + "." + hex.EncodeToString(sum[:])[:12] + ext
		ct := mime.TypeByExtension(ext)
		if ct == "" {
			ct = "application/octet-stream"
		}
		assets[hashed] = asset{body: body, contentType: ct}
		assetURLs[logical] = "/static/" + hashed
		return nil
	})
	if err != nil {
		panic("dashboard: embedded static files: " + err.Error())
	}
}

// assetURL is the template function that turns "js/charts.js" into its hashed URL.
// An unknown name panics at template execution in tests, never silently.
func assetURL(logical string) (string, error) {
	u, ok := assetURLs[logical]
	if !ok {
		return "", fiber.NewError(fiber.StatusInternalServerError, "unknown asset "+logical)
	}
	return u, nil
}

func serveStatic(c *fiber.Ctx) error {
	a, ok := assets[c.Params("name")]
	if !ok {
		return fiber.ErrNotFound
	}
	c.Set(fiber.HeaderContentType, a.contentType)
	c.Set(fiber.HeaderCacheControl, "public, max-age=31536000, immutable")
	return c.Send(a.body)
}

package dashboard

import (
	"fmt"
	"sort"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/report"
)

// letterMoves reads the analyst's choices from the preview form: move:<key> = an item
// number (a paragraph), a project code (a II.7 row) or a status (a II.8 row). A choice
// left at "" (as read) is no move. Keys and values are bounded: user input never panics
// and never grows without end.
func letterMoves(c *fiber.Ctx) map[string]string {
	moves := map[string]string{}
	c.Request().PostArgs().VisitAll(func(k, v []byte) {
		key, ok := strings.CutPrefix(string(k), "move:")
		val := strings.TrimSpace(string(v))
		if !ok || len(key) > 20 || len(val) > 60 || val == "" || len(moves) >= 2000 {
			return
		}
		moves[key] = val
	})
	return moves
}

// movesNote lists the moves for the audit record kept with the saved version.
func movesNote(moves map[string]string) string {
	if len(moves) == 0 {
		return ""
	}
	keys := make([]string, 0, len(moves))
	for k := range moves {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("; người nhập chuyển:")
	for _, k := range keys {
		fmt.Fprintf(&b, " đoạn %s→%s", k, moves[k])
	}
	return b.String()
}

// letterNote is the submission's note for an answer saved from a letter: the upload,
// and a signed PDF's signature line, so the answer says who signed it.
func letterNote(uploadID string, parsed report.DocxAnswer) string {
	return "báo cáo viết từ tệp công văn (upload " + uploadID + ")" + signatureNote(parsed)
}

func signatureNote(parsed report.DocxAnswer) string {
	if parsed.SignatureVI == "" {
		return ""
	}
	return "; " + parsed.SignatureVI
}

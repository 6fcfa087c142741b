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
	return "; người nhập chuyển: " + movesLine(moves)
}

// movesLine is the moves as the answer's version keeps them: "đoạn 3→II.2; đoạn 7→II.4".
func movesLine(moves map[string]string) string {
	keys := make([]string, 0, len(moves))
	for k := range moves {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("đoạn %s→%s", k, moves[k])
	}
	return strings.Join(parts, "; ")
}

// signatureLine is a signed letter's signature as the answer keeps it: Vietnamese, then
// English on a second line.
func signatureLine(parsed report.DocxAnswer) string {
	if parsed.SignatureVI == "" {
		return ""
	}
	return parsed.SignatureVI + "\n" + parsed.SignatureEN
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

package letter

import (
	"strings"
	"time"

	"github.com/quangngai/chitieu/locale"
)

// Signature is a signed PDF's digital signature as pdfsig reports it.
type Signature struct {
	Signer       string // the certificate's common name (the agency, for the province's CA)
	Organisation string
	Time         *time.Time
	Valid        bool // the signature matches the document
	Trusted      bool // the certificate chains to a trusted authority
	Detail       string
}

// Text is the line the preview and the answer show: "Ký số bởi …, 15/12/2023 — chữ ký
// hợp lệ / chưa xác minh được chứng thư".
func (s Signature) Text() (vi, en string) {
	who := s.Signer
	if s.Organisation != "" && s.Organisation != s.Signer {
		who += " (" + s.Organisation + ")"
	}
	when := ""
	if s.Time != nil {
		when = ", " + s.Time.Format("02/01/2006 15:04")
	}
	switch {
	case !s.Valid:
		return locale.Pair("let.sig.invalid", who+when)
	case s.Trusted:
		return locale.Pair("let.sig.valid", who+when)
	}
	return locale.Pair("let.sig.unverified", who+when)
}

// parsePdfsig reads the first signature of pdfsig's report.
func parsePdfsig(out string) *Signature {
	if !strings.Contains(out, "Signature #1") {
		return nil
	}
	var s Signature
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "Signature #2") {
			break
		}
		k, v, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "- ")), ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch k {
		case "Signer Certificate Common Name":
			s.Signer = v
		case "Signer full Distinguished Name":
			for _, part := range splitDN(v) {
				if strings.HasPrefix(part, "O=") {
					s.Organisation = strings.TrimPrefix(part, "O=")
				}
			}
		case "Signing Time":
			if t, err := time.Parse("Jan 02 2006 15:04:05", v); err == nil {
				s.Time = &t
			}
		case "Signature Validation":
			s.Valid = strings.Contains(v, "Signature is Valid")
			s.Detail = v
		case "Certificate Validation":
			s.Trusted = strings.Contains(v, "Certificate is Trusted")
			s.Detail += " " + v
		}
	}
	return &s
}

// splitDN splits "CN=a,O=b\, c,C=VN" at unescaped commas.
func splitDN(dn string) []string {
	var out []string
	var b strings.Builder
	esc := false
	for _, r := range dn {
		switch {
		case esc:
			b.WriteRune(r)
			esc = false
		case r == '\\':
			esc = true
		case r == ',':
			out = append(out, strings.TrimSpace(b.String()))
			b.Reset()
		default:
			b.WriteRune(r)
		}
	}
	return append(out, strings.TrimSpace(b.String()))
}

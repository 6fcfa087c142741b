package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/quangngai/chitieu/queries"
)

// jsonUpload is the body of POST /api/uploads with Content-Type application/json:
//
//	{"agency": "BQL", "year": 2024, "figures": [
//	  {"indicator": "investment_new_projects", "scope": "VSIP1", "value": 7, "unit": "dự án",
//	   "status": "actual", "source": "Báo cáo 12/BC-BQL", "note": ""}]}
//
// A bare array of figures is accepted too. value may be a JSON number or a string
// written as people write numbers ("7,5").
type jsonUpload struct {
	Agency  string       `json:"agency"`
	Year    json.Number  `json:"year"`
	Figures []jsonFigure `json:"figures"`
}

type jsonFigure struct {
	Indicator string          `json:"indicator"`
	Scope     string          `json:"scope"`
	Agency    string          `json:"agency"`
	Year      json.Number     `json:"year"`
	Value     json.RawMessage `json:"value"`
	Unit      string          `json:"unit"`
	Status    string          `json:"status"`
	Source    string          `json:"source"`
	Note      string          `json:"note"`
}

// readJSON decodes a JSON upload. Agency and year given at the top apply to every figure
// that does not name its own.
func readJSON(content []byte, info *sourceInfo, emit func(*rawRow) bool) []queries.IngestError {
	content = bytes.TrimPrefix(content, utf8BOM)
	info.loc = func(n int, f field) Location {
		if f < nFields {
			return Location{Path: fmt.Sprintf("figures[%d].%s", n, fieldNames[f])}
		}
		return Location{Path: fmt.Sprintf("figures[%d]", n)}
	}
	var up jsonUpload
	trimmed := bytes.TrimSpace(content)
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	dec.DisallowUnknownFields()
	var err error
	if len(trimmed) > 0 && trimmed[0] == '[' {
		err = dec.Decode(&up.Figures)
	} else {
		err = dec.Decode(&up)
	}
	if err == nil && dec.More() {
		err = fmt.Errorf("dữ liệu thừa sau đối tượng JSON (trailing data)")
	}
	if err != nil {
		return []queries.IngestError{problem("json_syntax", Location{}, "", err.Error())}
	}
	var row rawRow
	for i, fg := range up.Figures {
		row = rawRow{n: i}
		row.f = [nFields]string{clean(fg.Indicator), clean(fg.Scope), clean(fg.Agency), string(fg.Year), "",
			clean(fg.Unit), clean(fg.Status), clean(fg.Source), clean(fg.Note)}
		if row.f[fAgency] == "" {
			row.f[fAgency] = clean(up.Agency)
		}
		if row.f[fYear] == "" {
			row.f[fYear] = string(up.Year)
		}
		v := bytes.TrimSpace(fg.Value)
		switch {
		case len(v) == 0:
		case string(v) == "null":
			// null could mean "not yet known" or "withdraw": refuse it rather than guess.
			row.pre, row.errMsg, row.errArg = preError, "json_null_value", "null"
		case v[0] == '"':
			var s string
			if err := json.Unmarshal(v, &s); err != nil {
				row.pre, row.errMsg, row.errArg = preError, "not_a_number", string(v)
				break
			}
			row.f[fValue] = clean(s)
		default:
			row.f[fValue] = string(v)
			d, err := decimal.NewFromString(string(v))
			if err != nil || !isJSONNumber(v) {
				row.pre, row.errMsg, row.errArg = preError, "not_a_number", string(v)
				break
			}
			num, nerr := fromDecimal(d, false)
			if nerr != nil {
				row.pre, row.errMsg, row.errArg = preError, "number_too_large", string(v)
				break
			}
			row.pre, row.num = preNumber, num
		}
		if !emit(&row) {
			break
		}
	}
	return nil
}

func isJSONNumber(v []byte) bool {
	_, err := strconv.ParseFloat(string(v), 64)
	return err == nil
}

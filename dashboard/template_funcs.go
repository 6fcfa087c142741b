package dashboard

import "strings"

// Template functions the shared partials use. Added only when missing, so whoever
// owns format.go's literal map may add the same names there without a clash.
func init() {
	if _, ok := templateFuncs["hasPrefix"]; !ok {
		templateFuncs["hasPrefix"] = strings.HasPrefix
	}
}

package report

import (
	"reflect"
	"testing"
)

func TestBlocks(t *testing.T) {
	got := Blocks("Đoạn một.\r\n\n- ý một\n• ý hai\n-không phải gạch đầu dòng\n<b>đậm</b>")
	want := []Block{{Text: "Đoạn một."}, {Bullet: true, Text: "ý một"}, {Bullet: true, Text: "ý hai"},
		{Text: "-không phải gạch đầu dòng"}, {Text: "<b>đậm</b>"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %#v", got)
	}
	if CleanText(" a\x00b\x1b\r\nc\t ") != "ab\nc" {
		t.Fatalf("CleanText: %q", CleanText(" a\x00b\x1b\r\nc\t "))
	}
}

package report

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/quangngai/chitieu/domain"
)

// benchInput is a round of 30 agencies, each answering with about two A4 pages of text
// (about 900 words) spread over the outline's items, plus project and policy rows, and
// SCT's synthesis for every item with the agencies' paragraphs in the annex.
func benchInput() Input {
	in := sampleInput(nil)
	in.Agencies = in.Agencies[:1]
	in.Answers = nil
	sentence := "Sở đã phối hợp với các địa phương triển khai các nhiệm vụ phát triển công nghiệp theo Kế hoạch số 136/KH-UBND, " +
		"tập trung tháo gỡ khó khăn về mặt bằng, nguồn vốn và thủ tục đầu tư cho doanh nghiệp. "
	paragraph := strings.Repeat(sentence, 3)
	for a := 1; a <= 30; a++ {
		code := fmt.Sprintf("A%02d", a)
		in.Agencies = append(in.Agencies, domain.Agency{Code: code, NameVI: fmt.Sprintf("Sở thử nghiệm số %d", a)})
		ans := domain.ReportAnswer{Year: 2026, Agency: code, State: domain.AnswerSubmitted, Source: "web",
			Letter: domain.AnswerLetter{Number: fmt.Sprintf("%d/STN-KH", a), Signer: "Nguyễn Văn A"}}
		for _, it := range in.Outline.Items {
			if it.Answerable() {
				// 7 items × (4 paragraphs + 2 bullets) ≈ 2 pages at 14 pt
				ans.Items = append(ans.Items, domain.AnswerItem{Number: it.Number,
					Text: strings.Repeat(paragraph+"\n", 2) + "- " + sentence + "\n- " + sentence})
			}
		}
		ans.Projects = []domain.ProjectProgress{{Project: "VSIP2", Status: "Đang thi công", Milestones: sentence}}
		ans.Policies = []domain.PolicyDoc{{Key: "1", Number: fmt.Sprintf("%d/2026/QĐ-UBND", a), Title: sentence, Issuer: "UBND tỉnh", Status: "issued"}}
		in.Answers = append(in.Answers, ans)
	}
	// SCT's own text for every answerable item (three paragraphs quoting two agencies),
	// with the agencies' paragraphs in the annex: the body and the whole round both print.
	in.Syntheses = map[string]string{}
	for _, it := range in.Outline.Items {
		if it.Answerable() {
			in.Syntheses[it.Number] = "Các sở, ngành đã " + paragraph + "\n" + domain.QuoteSource(sentence, "Sở thử nghiệm số 1") +
				"\n- " + domain.QuoteSource(sentence, "Sở thử nghiệm số 2")
		}
	}
	in.SynthesisAnnex = true
	return in
}

// BenchmarkReportRound: compiling and writing the .docx, then converting it to PDF, for 30
// agencies with two pages each. Reports each step's time, the Go heap's peak and
// LibreOffice's peak resident memory (make bench-report).
func BenchmarkReportRound(b *testing.B) {
	in := benchInput()
	var peak atomic.Uint64
	stop := make(chan struct{})
	go func() { // sample the heap: the peak is what a server must have free
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > peak.Load() {
					peak.Store(ms.HeapInuse)
				}
			}
		}
	}()
	defer close(stop)
	var docxTime, pdfTime time.Duration
	var rss int64
	var pages, size int
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		m := Compile(in)
		var buf bytes.Buffer
		if err := WriteDocx(m, &buf); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		pdf, r, err := convertPDF(context.Background(), "", buf.Bytes())
		if err != nil {
			b.Fatal(err)
		}
		docxTime += t1.Sub(t0)
		pdfTime += time.Since(t1)
		rss = max(rss, r)
		size = buf.Len()
		pages = len(pageObject.FindAll(pdf, -1))
	}
	n := float64(b.N)
	b.ReportMetric(docxTime.Seconds()*1000/n, "docx-ms")
	b.ReportMetric(pdfTime.Seconds()*1000/n, "pdf-ms")
	b.ReportMetric(float64(peak.Load())/(1<<20), "go-heap-peak-MiB")
	b.ReportMetric(float64(rss)/1024, "soffice-rss-MiB")
	b.ReportMetric(float64(size)/1024, "docx-KiB")
	b.ReportMetric(float64(pages), "pdf-pages")
	b.Logf("30 agencies: .docx %d KiB in %s, PDF of %d pages in %s; Go heap peak %.1f MiB, soffice peak RSS %.1f MiB",
		size/1024, (docxTime / time.Duration(b.N)).Round(time.Millisecond), pages, (pdfTime / time.Duration(b.N)).Round(time.Millisecond),
		float64(peak.Load())/(1<<20), float64(rss)/1024)
}

var pageObject = regexp.MustCompile(`/Type\s*/Page[^s]`)

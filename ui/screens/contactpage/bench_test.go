package contactpage

import (
	"fmt"
	"testing"
	"time"

	"parley/model"
	"parley/ui/uitest"
)

// BenchmarkPageView draws a contact page with a timeline of n entries at
// 80x24: a key on the page costs one View.
func BenchmarkPageView(b *testing.B) {
	for _, n := range []int{10, 1000} {
		b.Run(fmt.Sprintf("entries=%d", n), func(b *testing.B) {
			c := uitest.FixtureCommon(b)
			ana := model.Contact{ID: 1, Name: "Ana Ruiz", Notes: "Research."}
			p := NewContactPage(c, ana)
			var tl []model.Interaction
			for i := range n {
				tl = append(tl, model.Interaction{ID: uint64(i + 1), ContactID: 1, Kind: model.KindNote,
					At: uitest.HarnessNow.Add(time.Duration(i) * time.Minute), Text: "A note about the call, one line long."})
			}
			p.setLoaded(ContactPageLoadedMsg{contact: ana, timeline: tl, contacts: []model.Contact{ana}})
			p = p.SetSize(80, 22).(ContactPage)
			b.ResetTimer()
			for range b.N {
				_ = p.View()
			}
		})
	}
}

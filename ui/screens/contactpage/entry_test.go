package contactpage

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"parley/model"
	"parley/ui/common"
	"parley/ui/uitest"
)

// A search hit on a timeline entry opens the page scrolled to it, marked.
func TestOpenAtATimelineEntry(t *testing.T) {
	h := uitest.NewHarness(t, 80, 12)
	in := uitest.InsightNotebook(t, h.C.Store)
	// Newer entries push the request down the page, below the fold.
	for i := range 20 {
		if _, err := h.C.Store.AddInteraction(model.Interaction{ContactID: in.Ana.ID, Kind: model.KindNote,
			At: uitest.HarnessNow.Add(time.Duration(i) * time.Minute), Text: fmt.Sprintf("note %d", i)}, false); err != nil {
			t.Fatal(err)
		}
	}
	page, _ := OpenContactPage(h.C, common.OpenContactMsg{Contact: in.Ana, EntryID: in.AnaRequest.ID})
	h.Open(page)
	v := h.View()
	if !strings.Contains(v, "▸ ") || !strings.Contains(v, "▸ 16 Feb 2026 10:00 request sent  email · Could I ask you") {
		t.Errorf("the entry is not on screen, marked:\n%s", v)
	}
	h.Keys("up")
	if v := h.View(); strings.Contains(v, "▸ 16 Feb 2026 10:00 request sent") {
		t.Errorf("moving the cursor did not leave the entry:\n%s", v)
	}
}

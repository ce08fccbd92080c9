package live

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/ui/uitest"
)

// The thank-you date is typed as people write it, read in the user's zone
// as a day, and shown back on its line as it is typed.
func TestThankYouDueReadsDatesAsTyped(t *testing.T) {
	uitest.InEachZone(t, func(t *testing.T, loc *time.Location) {
		zone := loc.String()
		now := time.Date(2026, 11, 30, 22, 0, 0, 0, loc) // a Monday evening
		c, _, _ := uitest.NewTestCommonAt(t, now)
		p := newWrapUpPane(c, model.WrapUp{ThankYouDue: time.Date(2026, 12, 7, 0, 0, 0, 0, loc)})
		p.setSize(80, 10)
		p.focus(partThankYou)
		if v := p.View(now); !strings.Contains(v, "2026-12-07") || !strings.Contains(v, "→ Mon 7 Dec 2026 (in 7 days)") {
			t.Errorf("%s: as opened:\n%s", zone, v)
		}
		p.Update(tea.KeyMsg{Type: tea.KeyCtrlU})
		var changed bool
		for _, r := range "fri 3pm" {
			changed, _ = p.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		}
		if v := p.View(now); !changed || !strings.Contains(v, "→ Fri 4 Dec 2026 (in 4 days)") {
			t.Errorf("%s: fri 3pm (changed %v):\n%s", zone, changed, v)
		}
		got := p.apply(model.WrapUp{}).ThankYouDue
		if want := time.Date(2026, 12, 4, 0, 0, 0, 0, loc); !got.Equal(want) {
			t.Errorf("%s: due %v, want %v", zone, got, want)
		}
		// Half a phrase keeps the last date read, and says so.
		p.Update(tea.KeyMsg{Type: tea.KeyCtrlU})
		p.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("nex")})
		if v := p.View(now); !strings.Contains(v, "it stays Fri 4 Dec 2026 until a date is read") {
			t.Errorf("%s: half a phrase:\n%s", zone, v)
		}
		if got := p.apply(model.WrapUp{}).ThankYouDue; !got.Equal(time.Date(2026, 12, 4, 0, 0, 0, 0, loc)) {
			t.Errorf("%s: half a phrase moved the date to %v", zone, got)
		}
	})
}

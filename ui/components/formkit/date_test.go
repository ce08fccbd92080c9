package formkit_test

import (
	"parley/ui/components/formkit"
	"parley/ui/uitest"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// A day-only date keeps the day of whatever is typed, in the user's zone,
// and says so as it is typed.
func TestDateInputDayOnly(t *testing.T) {
	uitest.InEachZone(t, func(t *testing.T, loc *time.Location) {
		zone := loc.String()
		c, _, _ := uitest.NewTestCommonAt(t, time.Date(2026, 11, 30, 23, 30, 0, 0, loc))
		d := formkit.NewDateInput(c, formkit.DayOnly, "")
		if d.ReadBack() != "" {
			t.Errorf("empty field reads back %q", d.ReadBack())
		}
		d.Input.Focus()
		for _, r := range "fri 3pm" {
			d.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		}
		if got := d.ReadBack(); got != "→ Fri 4 Dec 2026 (in 4 days)" {
			t.Errorf("%s: read back %q", zone, got)
		}
		w, err := d.Read()
		if want := time.Date(2026, 12, 4, 0, 0, 0, 0, loc); err != nil || !w.DateOnly || !w.At.Equal(want) {
			t.Errorf("%s: read %+v, %v; want %v", zone, w, err, want)
		}
		d.SetValue("someday")
		if _, err := d.Read(); err == nil || !strings.HasPrefix(err.Error(), `"someday" is not a date`) || !strings.Contains(err.Error(), "tomorrow 3pm") {
			t.Errorf("%s: someday: %v", zone, err)
		}
	})
}

// BenchmarkDateFieldKeystroke is one key typed into a form's date field
// and the form drawn, as the user sees each key: the phrase is read once
// per change, not per draw.
func BenchmarkDateFieldKeystroke(b *testing.B) {
	c, _, _ := uitest.NewTestCommonAt(b, time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC))
	fields := []formkit.FormField{formkit.DateField(c, "When", formkit.DateAndTime), {Label: "Where"}}
	f := formkit.NewForm(c.Styles, fields, []string{"next tuesday 10:0", ""})
	keys := []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune("0")}, {Type: tea.KeyBackspace}}
	b.ResetTimer()
	for i := range b.N {
		f.HandleKey(keys[i%2])
		f.View(80)
	}
}

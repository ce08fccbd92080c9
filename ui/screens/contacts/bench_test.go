package contacts

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/uitest"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
)

// benchNotebook makes n contacts with realistic field lengths and a
// paragraph of notes each, as the model's filter benchmark does.
func benchNotebook(n int) common.Notebook {
	first := []string{"Ana", "Bo", "Chidi", "Dana", "Eve", "Farid", "Grace", "Hiro", "Ines", "José", "Kofi", "Lena"}
	last := []string{"Ruiz", "Chen", "Okafor", "Smith", "Müller", "Patel", "Nguyen", "García", "Kowalski", "Brown"}
	orgs := []string{"City Council", "General Hospital", "Acme Robotics", "Public Library", "University of Leeds", "Green Energy Co-op", "Museum of Science", "Law Centre"}
	roles := []string{"Policy analyst", "Nurse practitioner", "Software engineer", "Archivist", "Lecturer", "Project manager", "Curator", "Solicitor"}
	tags := []string{"policy", "health", "tech", "local", "research", "energy", "arts", "law"}
	stages := model.Stages()
	cs := make([]model.Contact, n)
	for i := range cs {
		cs[i] = model.Contact{
			ID:           uint64(i + 1),
			Name:         fmt.Sprintf("%s %s %d", first[i%len(first)], last[(i/7)%len(last)], i),
			Organisation: orgs[(i/3)%len(orgs)],
			Role:         roles[(i/5)%len(roles)],
			Tags:         []string{tags[i%len(tags)], tags[(i/11)%len(tags)]},
			Notes: "Moved into the field after ten years elsewhere; runs the graduate scheme and " +
				"mentors new starters. Ask about the reorganisation and what skills they hire for.",
			Stage: stages[i%len(stages)],
		}
	}
	return common.Notebook{Contacts: cs, Settings: model.Defaults()}
}

func benchCommon(b *testing.B) *common.Common {
	c, _, _ := uitest.NewTestCommonAt(b, uitest.TestNow)
	st := common.NewStyles(false)
	c.Styles = &st
	return c
}

var benchQueries = []string{"ana ruiz", "cncl", "tag:pol", "reorg"}

// BenchmarkListFilter10k types queries into the list's filter a key at a
// time, each keystroke being Update plus View, and reports the mean and
// the slowest keystroke.
func BenchmarkListFilter10k(b *testing.B) {
	nb := benchNotebook(10000)
	for _, q := range benchQueries {
		b.Run(q, func(b *testing.B) {
			l := NewContactList(benchCommon(b))
			l.setNotebook(nb)
			var s common.Screen = l.SetSize(120, 40)
			s, _ = s.Update(uitest.KeyRunes("/"))
			var worst time.Duration
			keys := 0
			for b.Loop() {
				for _, r := range q {
					t0 := time.Now()
					s, _ = s.Update(uitest.KeyRunes(string(r)))
					_ = s.View()
					worst = max(worst, time.Since(t0))
					keys++
				}
				b.StopTimer()
				cl := s.(ContactList)
				cl.filter.SetValue("")
				cl.refilter()
				s = cl
				b.StartTimer()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(keys), "ns/key")
			b.ReportMetric(float64(worst.Nanoseconds()), "worst-ns/key")
		})
	}
}

// BenchmarkListCursor10k moves the cursor down one row, Update plus View.
func BenchmarkListCursor10k(b *testing.B) {
	l := NewContactList(benchCommon(b))
	l.setNotebook(benchNotebook(10000))
	var s common.Screen = l.SetSize(120, 40)
	down := tea.KeyMsg{Type: tea.KeyDown}
	for b.Loop() {
		s, _ = s.Update(down)
		_ = s.View()
	}
}

// bubblesItem is a contact for the bubbles list, filtered on the same
// text our filter searches.
type bubblesItem struct{ c model.Contact }

func (i bubblesItem) Title() string       { return i.c.Name }
func (i bubblesItem) Description() string { return i.c.Subtitle() }
func (i bubblesItem) FilterValue() string {
	return strings.Join([]string{i.c.Name, i.c.Organisation, i.c.Role, strings.Join(i.c.Tags, " "), i.c.Notes}, " ")
}

func newBubblesList(nb common.Notebook) list.Model {
	items := make([]list.Item, len(nb.Contacts))
	for i, c := range nb.Contacts {
		items[i] = bubblesItem{c}
	}
	l := list.New(items, list.NewDefaultDelegate(), 120, 40)
	// A blinking cursor's command sleeps; ours does not blink either.
	l.FilterInput.Cursor.SetMode(cursor.CursorStatic)
	return l
}

// runCmd runs a command and feeds its message back, as the program would:
// the bubbles list filters in a command.
func runCmd(l list.Model, cmd tea.Cmd) list.Model {
	for cmd != nil {
		// A command that does not answer at once is a timer (a status
		// message's expiry): the program would not wait for it either.
		ch := make(chan tea.Msg, 1)
		go func(c tea.Cmd) { ch <- c() }(cmd)
		var msg tea.Msg
		select {
		case msg = <-ch:
		case <-time.After(5 * time.Second):
			return l
		}
		if batch, ok := msg.(tea.BatchMsg); ok {
			for _, c := range batch {
				l = runCmd(l, c)
			}
			return l
		}
		if msg == nil {
			return l
		}
		l, cmd = l.Update(msg)
	}
	return l
}

// BenchmarkBubblesListFilter10k is the same typing in the bubbles list.
func BenchmarkBubblesListFilter10k(b *testing.B) {
	nb := benchNotebook(10000)
	for _, q := range benchQueries {
		b.Run(q, func(b *testing.B) {
			l := newBubblesList(nb)
			var cmd tea.Cmd
			l, cmd = l.Update(uitest.KeyRunes("/"))
			l = runCmd(l, cmd)
			var worst time.Duration
			keys := 0
			for b.Loop() {
				for _, r := range q {
					t0 := time.Now()
					l, cmd = l.Update(uitest.KeyRunes(string(r)))
					l = runCmd(l, cmd)
					_ = l.View()
					worst = max(worst, time.Since(t0))
					keys++
				}
				b.StopTimer()
				l.SetFilterText("")
				l.SetFilterState(list.Filtering)
				b.StartTimer()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(keys), "ns/key")
			b.ReportMetric(float64(worst.Nanoseconds()), "worst-ns/key")
		})
	}
}

// BenchmarkBubblesListCursor10k is the same cursor move in the bubbles
// list.
func BenchmarkBubblesListCursor10k(b *testing.B) {
	l := newBubblesList(benchNotebook(10000))
	down := tea.KeyMsg{Type: tea.KeyDown}
	for b.Loop() {
		var cmd tea.Cmd
		l, cmd = l.Update(down)
		l = runCmd(l, cmd)
		_ = l.View()
	}
}

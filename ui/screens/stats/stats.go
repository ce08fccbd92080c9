// Package stats is progress at a glance, in full: the weekly rhythm
// against the goal, the pipeline as a funnel, how long conversations take
// to arrange and how long they run, referrals, and which questions earn
// starred answers.
package stats

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/safetext"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/chart"
	"parley/model"
	"parley/questions"
	"parley/store"
)

// statsWeeks is how many weeks the full screen charts: a quarter.
const statsWeeks = 12

type statsKeys struct {
	common.ListKeys
	Goal key.Binding
	Back key.Binding
}

func newStatsKeys() statsKeys {
	k := statsKeys{ListKeys: common.NewListKeys(),
		Goal: key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "set the weekly goal")),
		Back: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
	}
	k.Up.SetHelp("↑/k", "scroll up")
	k.Down.SetHelp("↓/j", "scroll down")
	return k
}

// Screen is the full progress page. It is read and summed up in a
// command; View draws the summary and only the ranked questions on screen.
type Screen struct {
	common.NothingToSave
	c    *common.Common
	keys statsKeys

	loaded   bool
	err      error
	progress model.Progress
	ranked   []model.QuestionTally
	gen      int

	scroll        int
	width, height int
}

func NewStatsScreen(c *common.Common) Screen { return Screen{c: c, keys: newStatsKeys()} }

type progressReadMsg struct {
	gen      int
	progress model.Progress
	ranked   []model.QuestionTally
	err      error
}

func (m progressReadMsg) Failed() error { return m.err }

// readProgress reads the overview and the question counts and sums them
// up at now.
func readProgress(st *store.Store, now time.Time, gen int) tea.Cmd {
	return func() tea.Msg {
		ov, err := st.Overview()
		if err != nil {
			return progressReadMsg{gen: gen, err: err}
		}
		counts, err := st.QuestionStats()
		if err != nil {
			return progressReadMsg{gen: gen, err: err}
		}
		bank, err := st.QuestionBank()
		if err != nil {
			return progressReadMsg{gen: gen, err: err}
		}
		p := model.ProgressAt(now, statsWeeks, ov.Contacts, ov.Interviews, ov.Interactions, ov.Settings)
		return progressReadMsg{gen: gen, progress: p,
			ranked: model.RankByStars(questions.Tallies(counts, questions.Bank(bank)))}
	}
}

func (s Screen) Load() tea.Cmd { return readProgress(s.c.Store, s.c.Now(), s.gen) }

// Watches everything the figures count.
func (s Screen) Watches() common.Watcher {
	return common.Watching(common.ChangedContact, common.ChangedInterview, common.ChangedTimeline, common.ChangedSettings)
}

func (s Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case progressReadMsg:
		if msg.gen != s.gen {
			return s, nil
		}
		s.err = msg.err
		if msg.err == nil {
			s.loaded, s.progress, s.ranked = true, msg.progress, msg.ranked
		}
	case common.NotebookChangedMsg:
		if !msg.Autosave {
			s.gen++
			return s, s.Load()
		}
	case tea.KeyMsg:
		return s.HandleKey(msg)
	}
	return s, nil
}

func (s Screen) HandleKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	k := s.keys
	page := max(s.height-2, 1)
	switch {
	case key.Matches(msg, k.Back):
		return s, common.Pop
	case key.Matches(msg, k.Goal):
		return s, common.Navigate(common.OpenSettingsMsg{})
	case key.Matches(msg, k.Up):
		s.scroll--
	case key.Matches(msg, k.Down):
		s.scroll++
	case key.Matches(msg, k.PageUp):
		s.scroll -= page
	case key.Matches(msg, k.PageDown):
		s.scroll += page
	case key.Matches(msg, k.Home):
		s.scroll = 0
	case key.Matches(msg, k.End):
		s.scroll = s.bodyLen()
	}
	s.scroll = min(max(s.scroll, 0), max(s.bodyLen()-s.bodyRows(), 0))
	return s, nil
}

// bodyRows is the room under the title.
func (s Screen) bodyRows() int { return max(s.height-1, 1) }

// summary is everything but the ranked questions: a few dozen lines at
// most, drawn whole.
func (s Screen) summary() []string {
	st := s.c.Styles
	w := max(s.width, 1)
	g := s.c.ChartGlyphs()
	p := s.progress
	lines := chart.ProgressLines(p, w, g)
	lines = append(lines, "", st.Focused.Render(fmt.Sprintf("Conversations each week (goal %d)", p.Goal)))
	barWidth := min(max(w-26, 4), 24)
	// Bars share one scale, the goal or the busiest week if that held more,
	// so a week far past the goal does not look like one just at it.
	scale := p.Goal
	for _, wk := range p.Weeks {
		scale = max(scale, wk.Held)
	}
	for _, wk := range p.Weeks {
		label := wk.Start.Format("Mon 2 Jan")
		lines = append(lines, common.TruncateCells(fmt.Sprintf("  %-10s %s %d", label, chart.Bar(wk.Held, scale, barWidth, g), wk.Held), w))
	}
	f := p.Funnel
	lines = append(lines, "", st.Focused.Render("From asking to thanking"))
	for _, step := range []struct {
		name string
		n    int
	}{{"Asked", f.Asked}, {"Replied", f.Replied}, {"Held", f.Held}, {"Thanked", f.Thanked}} {
		lines = append(lines, common.TruncateCells(fmt.Sprintf("  %-10s %s %d", step.name, chart.Bar(step.n, f.Asked, barWidth, g), step.n), w))
	}
	lines = append(lines, "", st.Focused.Render("Questions that earn starred answers"))
	if len(s.ranked) == 0 {
		lines = append(lines, st.Muted.Render(common.TruncateCells(
			"  None yet: star a note (or a question) in an interview when an answer is worth keeping.", w)))
	}
	return lines
}

// bodyLen is how many lines the page has in all.
func (s Screen) bodyLen() int {
	if !s.loaded {
		return 0
	}
	return len(s.summary()) + len(s.ranked)
}

func (s Screen) View() string {
	st := s.c.Styles
	title := st.Title.Render("Progress")
	date := st.Muted.Render(s.c.Now().Format("Mon 2 Jan 2006"))
	head := title + strings.Repeat(" ", max(s.width-common.CellWidth(title)-common.CellWidth(date), 1)) + date
	switch {
	case s.err != nil:
		return head + "\n" + st.Error.Render(common.PlainError(s.err))
	case !s.loaded:
		return head + "\n" + st.Muted.Render("Counting…")
	}
	summary := s.summary()
	rows := s.bodyRows()
	out := []string{head}
	for i := s.scroll; i < s.scroll+rows && i < len(summary)+len(s.ranked); i++ {
		if i < len(summary) {
			out = append(out, summary[i])
			continue
		}
		q := s.ranked[i-len(summary)]
		line := fmt.Sprintf("  ★ %d of %d  ", q.Starred, q.Asked) + safetext.Line(q.Text)
		out = append(out, common.TruncateCells(line, s.width))
	}
	return strings.Join(out, "\n")
}

func (s Screen) SetSize(w, h int) common.Screen {
	s.width, s.height = w, h
	s.scroll = min(s.scroll, max(s.bodyLen()-s.bodyRows(), 0))
	return s
}

func (s Screen) Capturing() bool { return false }

func (s Screen) Help() help.KeyMap {
	k := s.keys
	more := s.bodyLen() > s.bodyRows()
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Home, &k.End} {
		b.SetEnabled(more)
	}
	return common.KeyMap{
		Short: []key.Binding{k.Down, k.Goal, k.Back},
		Full:  [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End}, {k.Goal, k.Back}},
	}
}

// OpenStats opens progress at a glance.
func OpenStats(c *common.Common, msg tea.Msg) (common.Screen, bool) {
	if _, ok := msg.(common.OpenStatsMsg); ok {
		return NewStatsScreen(c), true
	}
	return nil, false
}

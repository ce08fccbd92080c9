package common

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/progress"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"parley/model"
)

// The palette: every colour Parley uses, each with a light- and a
// dark-background variant so text stays readable on both.
var (
	colorAccent  = lipgloss.AdaptiveColor{Light: "#4B3FBF", Dark: "#B3A8FF"}
	colorMuted   = lipgloss.AdaptiveColor{Light: "#5F5F5F", Dark: "#9A9A9A"}
	colorCalm    = lipgloss.AdaptiveColor{Light: "#1A7F37", Dark: "#5FD68A"}
	colorWarning = lipgloss.AdaptiveColor{Light: "#9A6700", Dark: "#F2C94C"}
	colorUrgent  = lipgloss.AdaptiveColor{Light: "#C0281B", Dark: "#FF6B6B"}
	colorSelect  = lipgloss.AdaptiveColor{Light: "#E6E1FF", Dark: "#3B335F"}
	ColorBorder  = lipgloss.AdaptiveColor{Light: "#B8B8B8", Dark: "#4A4A4A"}
)

// Styles is the one theme, built once at start-up and shared through
// common. With NO_COLOR set every style is plain, so nothing on screen may
// rely on colour or reverse video alone: selection and the cursor also carry
// a marker.
type Styles struct {
	NoColor bool

	Title    lipgloss.Style
	Subtitle lipgloss.Style
	Muted    lipgloss.Style
	Accent   lipgloss.Style
	Selected lipgloss.Style
	Error    lipgloss.Style
	Info     lipgloss.Style
	Label    lipgloss.Style
	Focused  lipgloss.Style // a focused pane's heading
	Blurred  lipgloss.Style // an unfocused pane's heading
	Rule     lipgloss.Style
	Cursor   lipgloss.Style // the notes caret
	MustAsk  lipgloss.Style
	Done     lipgloss.Style

	// Stage colours each pipeline stage, indexed by model.Stage.Order; the
	// stage's name is always written out too, so colour only helps.
	Stage [9]lipgloss.Style
	// Overdue marks a due date that has passed.
	Overdue lipgloss.Style

	// Clock is indexed by model.Urgency.
	Clock [4]lipgloss.Style
	// Bar is the time-budget bar for each urgency.
	Bar [4]progress.Model

	Help help.Styles

	// Sym is the set of symbols drawn: Unicode, or ASCII on a terminal
	// whose font lacks it (the Linux console). Screens draw symbols from
	// here only, so this is the one place that decides.
	Sym Symbols
}

// Symbols are the marks the screens draw.
type Symbols struct {
	Pointer  string // selection and focus: "▸ "
	Next     string // the question to ask: "→ "
	Ticked   string // "✓ "
	Open     string // "○ "
	Skipped  string // "– "
	Star     string // "★"
	Edited   string // "✎"
	Caret    string // the notes caret without reverse video: "▏"
	Rule     string // "─"
	Ellipsis string // "…"
	BarFull  rune   // the budget bar: '█'
	BarEmpty rune   // '░'
}

// UnicodeSymbols are the symbols of a terminal with a Unicode font.
func UnicodeSymbols() Symbols {
	return Symbols{Pointer: "▸ ", Next: "→ ", Ticked: "✓ ", Open: "○ ", Skipped: "– ", Star: "★", Edited: "✎",
		Caret: "▏", Rule: "─", Ellipsis: "…", BarFull: '█', BarEmpty: '░'}
}

// ASCIISymbols stand in where the font has only ASCII. Each keeps the
// width of the symbol it replaces.
func ASCIISymbols() Symbols {
	return Symbols{Pointer: "> ", Next: "> ", Ticked: "x ", Open: "o ", Skipped: "- ", Star: "*", Edited: "e",
		Caret: "|", Rule: "-", Ellipsis: "~", BarFull: '#', BarEmpty: '.'}
}

// NeedsASCII reports whether a terminal of this TERM draws only ASCII
// reliably: the Linux console's font has none of the symbols above.
func NeedsASCII(term string) bool { return term == "linux" || term == "dumb" || term == "vt100" }

// UseASCII switches the styles to ASCII symbols, the budget bar included.
func (s *Styles) UseASCII() {
	s.Sym = ASCIISymbols()
	for i := range s.Bar {
		s.Bar[i].Full, s.Bar[i].Empty = s.Sym.BarFull, s.Sym.BarEmpty
	}
}

// UrgencyText is the words that stand for the clock's colour when there is
// none (NO_COLOR): "" when colour says it, and over time, which the clock
// already says in words.
func (s Styles) UrgencyText(u model.Urgency) string {
	if !s.NoColor {
		return ""
	}
	switch u {
	case model.Warning:
		return "under 5 min"
	case model.Urgent:
		return "under 2 min"
	}
	return ""
}

// NewStyles builds the theme. noColor strips every style.
func NewStyles(noColor bool) Styles {
	s := Styles{NoColor: noColor, Sym: UnicodeSymbols()}
	plain := lipgloss.NewStyle()
	if noColor {
		for _, st := range []*lipgloss.Style{&s.Title, &s.Subtitle, &s.Muted, &s.Accent, &s.Selected,
			&s.Error, &s.Info, &s.Label, &s.Focused, &s.Blurred, &s.Rule, &s.Cursor, &s.MustAsk, &s.Done} {
			*st = plain
		}
		for i := range s.Stage {
			s.Stage[i] = plain
		}
		s.Overdue = plain
		for i := range s.Clock {
			s.Clock[i] = plain
			s.Bar[i] = progress.New(progress.WithoutPercentage(), progress.WithFillCharacters('#', '.'),
				progress.WithColorProfile(termenv.Ascii))
		}
		s.Help = help.Styles{Ellipsis: plain, ShortKey: plain, ShortDesc: plain, ShortSeparator: plain,
			FullKey: plain, FullDesc: plain, FullSeparator: plain}
		return s
	}
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(colorAccent)
	s.Subtitle = lipgloss.NewStyle().Foreground(colorMuted)
	s.Muted = lipgloss.NewStyle().Foreground(colorMuted)
	s.Accent = lipgloss.NewStyle().Foreground(colorAccent)
	s.Selected = lipgloss.NewStyle().Background(colorSelect).Bold(true)
	s.Error = lipgloss.NewStyle().Foreground(colorUrgent).Bold(true)
	s.Info = lipgloss.NewStyle().Foreground(colorCalm)
	s.Label = lipgloss.NewStyle().Foreground(colorMuted)
	s.Focused = lipgloss.NewStyle().Bold(true).Foreground(colorAccent)
	s.Blurred = lipgloss.NewStyle().Foreground(colorMuted)
	s.Rule = lipgloss.NewStyle().Foreground(ColorBorder)
	s.Cursor = lipgloss.NewStyle().Reverse(true)
	s.MustAsk = lipgloss.NewStyle().Bold(true).Foreground(colorWarning)
	s.Done = lipgloss.NewStyle().Foreground(colorMuted)
	// The path forward warms from grey to green; the endings are muted red.
	stageColors := [9]lipgloss.AdaptiveColor{colorMuted, colorWarning, colorAccent, colorCalm, colorCalm,
		colorCalm, colorUrgent, colorUrgent, colorMuted}
	for i, c := range stageColors {
		s.Stage[i] = lipgloss.NewStyle().Foreground(c)
	}
	s.Overdue = lipgloss.NewStyle().Bold(true).Foreground(colorUrgent)
	urgency := [4]lipgloss.AdaptiveColor{colorCalm, colorWarning, colorUrgent, colorUrgent}
	dark := lipgloss.HasDarkBackground()
	for i, c := range urgency {
		s.Clock[i] = lipgloss.NewStyle().Bold(true).Foreground(c)
		hex := c.Light
		if dark {
			hex = c.Dark
		}
		s.Bar[i] = progress.New(progress.WithoutPercentage(), progress.WithSolidFill(hex),
			progress.WithFillCharacters('█', '░'))
	}
	s.Help = help.New().Styles
	return s
}

// StageStyle is the colour of a pipeline stage.
func (s Styles) StageStyle(st model.Stage) lipgloss.Style {
	return s.Stage[min(st.Order(), len(s.Stage)-1)]
}

// ClockStyle is the clock's style for how much time is left.
func (s Styles) ClockStyle(u model.Urgency) lipgloss.Style { return s.Clock[u] }

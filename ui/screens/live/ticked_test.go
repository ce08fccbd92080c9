package live

import (
	"fmt"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"parley/ui/common"

	"parley/ui/uitest"
)

// The frame kept between clock ticks must be the frame a fresh draw
// gives, whatever time does meanwhile: crossing into the last minutes
// (urgency, must-ask questions pulled forward, the closing steps), over
// time, paused, and between keys, resizes and ticks. In colour: the
// urgency shows in colours only.
func TestTickedFrameIsAFreshFrame(t *testing.T) {
	lipgloss.SetColorProfile(termenv.ANSI256)
	t.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })
	for _, size := range [][2]int{{120, 40}, {80, 24}, {50, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			d, _, clk := liveInterview(t, size[0], size[1])
			*liveOf(d).c.Styles = common.NewStyles(false)
			check := func(step string) {
				t.Helper()
				s := liveOf(d)
				kept := s.View()
				s.ticked = &tickedFrame{}
				if fresh := s.View(); kept != fresh {
					t.Fatalf("after %s the frame is stale:\n%s\n--- a fresh draw:\n%s", step, kept, fresh)
				}
			}
			tick := func(by time.Duration) {
				clk.Advance(by)
				if d.Fire(func(m tea.Msg) bool { _, ok := m.(clockTickMsg); return ok }) == 0 {
					t.Fatalf("no clock tick was waiting at %v", clk.Now())
				}
			}
			wheel := func(b tea.MouseButton) { d.Send(tea.MouseMsg{Action: tea.MouseActionPress, Button: b}) }
			d.Send(uitest.KeyType(tea.KeyCtrlT))
			check("starting the clock")
			d.TypeText("first year is mostly learning")
			d.Send(uitest.KeyType(tea.KeyEnter))
			d.TypeText("then her own cases")
			for i := range 45 {
				tick(37 * time.Second)
				check(fmt.Sprintf("tick %d", i))
				switch i {
				case 3:
					wheel(tea.MouseButtonWheelUp) // in the notes
					check("the wheel in the notes")
				case 5:
					d.Send(uitest.KeyType(tea.KeyTab))
					check("tab")
				case 7:
					wheel(tea.MouseButtonWheelDown) // in the questions
					check("the wheel in the questions")
				case 10:
					d.Send(uitest.KeyType(tea.KeyCtrlN))
					check("ctrl+n")
				case 20:
					d.Send(tea.WindowSizeMsg{Width: size[0] - 7, Height: size[1] - 3})
					check("a resize")
				case 30:
					d.Send(uitest.KeyType(tea.KeyCtrlT)) // pause, then go on
					check("pausing")
					d.Send(uitest.KeyType(tea.KeyCtrlT))
					check("resuming")
				}
			}
		})
	}
}

package ui

import (
	"runtime"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"parley/demo"
	"parley/ui/uitest"
)

func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// Moving between screens, writing on the way, keeps the live heap where it
// was: no closed screen stays reachable, and nothing read for one (a
// summary, a contact list and its index, a contact page) is kept beside
// its replacement. Each round opens the list, a contact and its stage
// picker, sets a stage (so the summary is read and the list built again)
// and goes back home; at 1,000 contacts a copy of the summary or list kept
// per round would be megabytes by the end.
func TestMovingBetweenScreensKeepsMemoryFlat(t *testing.T) {
	c, s, _ := uitest.NewTestCommonAt(t, scaleNow)
	if _, err := demo.Fill(s, 1000, 1, scaleNow); err != nil {
		t.Fatal(err)
	}
	d := uitest.NewDriver(t, c, 120, 40)
	d.FailOnError = true
	round := func(i int) {
		move := "k" // to the stage above, then back below
		if i%2 == 1 {
			move = "j"
		}
		for _, k := range []string{"c", "enter", "m", move, "enter"} {
			d.Send(uitest.KeyMsg(k))
		}
		if v := d.View(); !strings.Contains(v, " is now at ") {
			t.Fatalf("round %d: no stage was set:\n%s", i, v)
		}
		d.Send(uitest.KeyMsg("esc"))
		d.Send(uitest.KeyMsg("esc"))
		if v := d.View(); !strings.Contains(v, "What's next") || len(d.App.Stack) != 1 {
			t.Fatalf("round %d: not back home:\n%s", i, v)
		}
		// The runtime would fire the timers set meanwhile (autosaves, the
		// status line's expiry, the spool check), letting go of what they
		// hold; the driver's record of messages is the test's own.
		d.Fire(func(tea.Msg) bool { return true })
		d.Seen = nil
	}
	for i := range 5 {
		round(i)
	}
	before := liveHeap()
	for i := 5; i < 45; i++ {
		round(i)
	}
	after := liveHeap()
	t.Logf("live heap %d bytes after 5 rounds, %d after 45", before, after)
	const bound = 64 << 10
	if after > before+bound {
		t.Errorf("40 rounds between screens left %d bytes more live (%d after 5 rounds, %d after 45), want at most %d",
			after-before, before, after, bound)
	}
	runtime.KeepAlive(d)
}

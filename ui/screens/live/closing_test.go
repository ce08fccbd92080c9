package live

import (
	"fmt"
	"strings"
	"testing"
)

// Folded to one line with every closing step done, the closing steps say
// so in words apart from the count.
func TestFoldedClosingLineWhenAllDone(t *testing.T) {
	d, _, _ := liveInterview(t, 80, 24)
	s := liveOf(d)
	for i := range s.Interview.Closing {
		s.Interview.Closing[i].Asked = true
	}
	n := len(s.Interview.Closing)
	if got, want := s.closingLine(s.prompt(), 80), fmt.Sprintf("Closing %d/%d · done", n, n); !strings.Contains(got, want) {
		t.Errorf("closing line %q, want %q in it", got, want)
	}
}

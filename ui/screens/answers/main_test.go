package answers

import (
	"testing"

	"parley/ui/common"
	"parley/ui/screens/home"
	"parley/ui/uitest"
)

// TestMain gives the driver "What's next", which every app starts on, and
// this screen, which its key opens.
func TestMain(m *testing.M) {
	uitest.Main(m, []common.Opener{home.OpenHome, OpenAnswers})
}

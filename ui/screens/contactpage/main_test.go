package contactpage

import (
	"testing"

	"parley/ui/common"
	"parley/ui/screens/home"
	"parley/ui/uitest"
)

// TestMain gives the driver the screens these tests open: "What's next",
// which every app starts on, and those the tests navigate to. Only tests
// import other screens.
func TestMain(m *testing.M) {
	uitest.Main(m, []common.Opener{home.OpenHome, OpenContactPage})
}

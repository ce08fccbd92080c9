package home

import (
	"testing"

	"parley/ui/common"
	"parley/ui/screens/compose"
	"parley/ui/screens/contactpage"
	"parley/ui/screens/live"
	"parley/ui/screens/logform"
	"parley/ui/uitest"
)

// TestMain gives the driver the screens these tests open: "What's next",
// which every app starts on, and those the tests navigate to. Only tests
// import other screens.
func TestMain(m *testing.M) {
	uitest.Main(m, []common.Opener{OpenHome, contactpage.OpenContactPage, logform.OpenLogForm, compose.OpenCompose, live.OpenLive})
}

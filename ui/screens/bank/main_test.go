package bank

import (
	"testing"

	"parley/ui/common"
	"parley/ui/screens/compose"
	"parley/ui/screens/contactform"
	"parley/ui/screens/contactpage"
	"parley/ui/screens/contacts"
	"parley/ui/screens/home"
	"parley/ui/screens/live"
	"parley/ui/screens/logform"
	"parley/ui/screens/plan"
	"parley/ui/screens/profile"
	"parley/ui/screens/schedule"
	"parley/ui/screens/settings"
	"parley/ui/screens/stagepick"
	"parley/ui/screens/templateform"
	"parley/ui/screens/templates"
	"parley/ui/uitest"
)

// testOpeners are the screens these tests may open: all of them. Only
// the tests import other screens; the screen itself imports none.
var testOpeners = []common.Opener{
	home.OpenHome,
	contacts.OpenContacts,
	contactpage.OpenContactPage,
	contactform.OpenContactForm,
	live.OpenLive,
	plan.OpenPlan,
	OpenBank,
	compose.OpenCompose,
	templates.OpenTemplates,
	templateform.OpenTemplateForm,
	profile.OpenProfileForm,
	settings.OpenSettings,
	logform.OpenLogForm,
	schedule.OpenScheduleForm,
	stagepick.OpenStagePicker,
}

func TestMain(m *testing.M) { uitest.Main(m, testOpeners) }

package ui

import (
	"parley/ui/common"
	"parley/ui/screens/answers"
	"parley/ui/screens/bank"
	"parley/ui/screens/compose"
	"parley/ui/screens/contactform"
	"parley/ui/screens/contactpage"
	"parley/ui/screens/contacts"
	"parley/ui/screens/home"
	"parley/ui/screens/importer"
	"parley/ui/screens/live"
	"parley/ui/screens/logform"
	"parley/ui/screens/plan"
	"parley/ui/screens/profile"
	"parley/ui/screens/rescue"
	"parley/ui/screens/schedule"
	"parley/ui/screens/search"
	"parley/ui/screens/settings"
	"parley/ui/screens/stagepick"
	"parley/ui/screens/stats"
	"parley/ui/screens/templateform"
	"parley/ui/screens/templates"
)

// screenOpeners are every screen's opener: the root builds screens only
// through them.
var screenOpeners = []common.Opener{
	home.OpenHome, contacts.OpenContacts, contactpage.OpenContactPage, contactform.OpenContactForm, live.OpenLive, plan.OpenPlan, bank.OpenBank,
	compose.OpenCompose, templates.OpenTemplates, templateform.OpenTemplateForm, profile.OpenProfileForm, settings.OpenSettings,
	logform.OpenLogForm, schedule.OpenScheduleForm, stagepick.OpenStagePicker,
	search.OpenSearch, answers.OpenAnswers, stats.OpenStats,
	importer.OpenImporter, rescue.OpenRescue,
}

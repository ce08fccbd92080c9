package ui

// screenOpeners are every screen's opener: the root builds screens only
// through them.
var screenOpeners = []opener{
	openHome, openContacts, openContactPage, openContactForm, openLive, openPlan, openBank,
	openCompose, openTemplates, openTemplateForm, openProfileForm, openSettings,
	openLogForm, openScheduleForm, openStagePicker,
}

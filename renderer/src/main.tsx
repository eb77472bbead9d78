// The entry is only the boot's requests and the styles: its requests leave as soon as this small
// chunk has run, and the app's code (React, i18next, the screens) is fetched beside the language's
// text instead of before it (issue 17: the text used to wait for the whole bundle to run).
import './boot/early-requests';
import './styles.css';

void import('./boot/start');

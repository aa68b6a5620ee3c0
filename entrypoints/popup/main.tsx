// Popup entry: mounts the popup view.
import { render } from 'preact';

function Popup() {
  return <main><h1>{browser.i18n.getMessage('extName')}</h1></main>;
}

render(<Popup />, document.getElementById('app')!);

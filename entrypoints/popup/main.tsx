import { render } from 'preact';

render(<main><h1>kban</h1></main>, document.getElementById('app')!);

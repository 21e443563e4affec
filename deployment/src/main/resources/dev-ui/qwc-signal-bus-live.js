import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import { notifier } from 'notifier';

/**
 * The live page of the Signal Bus card: counts and queue depths per subscriber, the latest failures, the periodic
 * tasks' last and next runs (refreshed every two seconds through JSON-RPC), and a form to publish a signal.
 */
export class QwcSignalBusLive extends LitElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        :host { display: flex; flex-direction: column; gap: 16px; padding: 10px 20px; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--lumo-contrast-10pct); }
        th { color: var(--lumo-contrast-70pct); font-weight: 600; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        td code { overflow-wrap: anywhere; }
        td.type code { overflow-wrap: normal; white-space: nowrap; }
        h3 { margin: 4px 0; }
        form { display: flex; gap: 8px; align-items: flex-start; flex-wrap: wrap; }
        select, textarea, button { font: inherit; }
        textarea { min-width: 360px; min-height: 60px; }
        .message.ok { color: var(--lumo-success-text-color); }
        .message.error { color: var(--lumo-error-text-color); }
        .empty { color: var(--lumo-contrast-50pct); }
    `;

    static properties = {
        _live: { state: true },
        _message: { state: true },
        _ok: { state: true }
    };

    connectedCallback() {
        super.connectedCallback();
        this._refresh();
        this._timer = setInterval(() => this._refresh(), 2000);
    }

    disconnectedCallback() {
        clearInterval(this._timer);
        super.disconnectedCallback();
    }

    _refresh() {
        this.jsonRpc.getLive().then(response => { this._live = response.result; });
    }

    render() {
        if (!this._live) {
            return html`<span>Loading the Signal Bus…</span>`;
        }
        const topics = [...new Set(this._live.subscribers.map(s => s.topic))];
        return html`
            <div>Bus phase: <b id="phase">${this._live.phase}</b></div>
            <h3>Subscribers</h3>
            <table id="subscribers">
                <tr><th>Topic</th><th>Subscriber</th><th>Signal type</th><th>Delivered</th><th>Failed</th><th>Queue depth</th></tr>
                ${this._live.subscribers.map(s => html`<tr>
                    <td>${s.topic}</td><td><code>${s.subscriber}</code></td><td class="type"><code>${s.signalType}</code></td>
                    <td class="num">${s.delivered}</td><td class="num">${s.failed}</td><td class="num">${s.queueDepth}</td>
                </tr>`)}
            </table>
            <h3>Publish a signal</h3>
            <form @submit=${this._publish}>
                <select id="topic" name="topic">
                    ${topics.map(t => html`<option value=${t}>${t}</option>`)}
                </select>
                <textarea id="json" name="json" placeholder='JSON read into the topic&#39;s signal type, e.g. {"id": 1} or "text"'></textarea>
                <button type="submit">Publish</button>
            </form>
            ${this._message ? html`<div class="message ${this._ok ? 'ok' : 'error'}">${this._message}</div>` : ''}
            <h3>Latest failures</h3>
            ${this._live.failures.length === 0 ? html`<span class="empty">No failures</span>` : html`
            <table id="failures">
                <tr><th>Time</th><th>Topic</th><th>Subscriber / task</th><th>Signal</th><th>Error</th></tr>
                ${this._live.failures.map(f => html`<tr>
                    <td>${f.time.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}</td><td>${f.topic}</td><td><code>${f.target}</code></td><td>${f.signal}</td><td>${f.error}</td>
                </tr>`)}
            </table>`}
            <h3>Periodic tasks</h3>
            ${this._live.periodicTasks.length === 0 ? html`<span class="empty">No periodic tasks</span>` : html`
            <table id="periodic">
                <tr><th>Task</th><th>Last run</th><th>Next run</th></tr>
                ${this._live.periodicTasks.map(p => html`<tr>
                    <td><code>${p.task}</code></td><td>${p.lastRun || '–'}</td><td>${p.nextRun || '–'}</td>
                </tr>`)}
            </table>`}
        `;
    }

    _publish(event) {
        event.preventDefault();
        const topic = this.renderRoot.querySelector('#topic').value;
        const json = this.renderRoot.querySelector('#json').value;
        this.jsonRpc.publish({ topic: topic, json: json }).then(response => {
            const result = response.result;
            this._ok = result.success;
            this._message = result.message;
            notifier.showInfoMessage(result.message);
            this._refresh();
        });
    }
}
customElements.define('qwc-signal-bus-live', QwcSignalBusLive);

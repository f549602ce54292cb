import { useQuery } from '@tanstack/react-query';
import { Alert, Spin } from 'antd';
import { ApiError } from '../../api/client';
import { errorText } from '../../app/errors';

/**
 * The formatted document (the server's HTML page, with its print stylesheet) inside the page. The
 * server forbids framing its responses (CSP frame-ancestors 'none'), so the page is fetched and
 * shown through srcdoc, with scripts off; the print button opens the same page in its own tab.
 */
export function DocumentFrame(props: { url: string; title: string }) {
  const html = useQuery({
    queryKey: ['reports', 'html', props.url],
    queryFn: async () => {
      const r = await fetch(props.url, { credentials: 'same-origin' });
      if (!r.ok) throw new ApiError(r.status, `HTTP_${r.status}`, `HTTP ${r.status}`);
      return r.text();
    },
    staleTime: Infinity,
  });
  if (html.error) return <Alert type="error" showIcon title={errorText(html.error)} />;
  if (!html.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  return (
    <iframe
      title={props.title}
      srcDoc={html.data}
      sandbox=""
      data-testid="document-frame"
      style={{
        width: '100%',
        height: 'calc(100vh - 260px)',
        minHeight: 500,
        border: '1px solid #eee',
        background: '#fff',
      }}
    />
  );
}

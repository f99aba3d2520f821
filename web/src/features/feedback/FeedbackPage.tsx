import { FeedbackList } from './FeedbackList.js';
import { SubmitFeedbackForm } from './SubmitFeedbackForm.js';

export function FeedbackPage() {
  return (
    <div className="feedback-page">
      <SubmitFeedbackForm />
      <FeedbackList />
    </div>
  );
}

import { createApp, h } from 'vue';
createApp({ render: () => h('p', 'Cold Start Lab') }).mount('#app');
